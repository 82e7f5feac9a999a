# avld_report_pdf: the reports printed to PDF (QTextDocument, QPdfWriter) and the uptime chart drawn with
# QPainter for them. Qt Gui, so apart from core (issue #18): the desktop program and its window link it and
# install its printer (core/diagnosis/pdfprinter.h); the headless program does not, and writes HTML only.
add_library(avld_report_pdf ${AVLD_LIBRARY_TYPE}
  reportpdf/uptimechartpainter.h reportpdf/uptimechartpainter.cpp
  reportpdf/qtpdfprinter.h reportpdf/qtpdfprinter.cpp)
target_link_libraries(avld_report_pdf PUBLIC avld_core Qt6::Gui PRIVATE avld_bitmap_qt)
set_target_properties(avld_report_pdf PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
