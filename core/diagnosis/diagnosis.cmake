# diagnosis: the expert's checklist over what the session gathered, the health score and the reports
target_sources(avld_core PRIVATE
  diagnosis/sitefinding.h diagnosis/sitefinding.cpp
  diagnosis/finding.h diagnosis/finding.cpp
  diagnosis/diagnosisinput.h
  diagnosis/healthscore.h diagnosis/healthscore.cpp
  diagnosis/checks.h diagnosis/sitechecks.cpp diagnosis/encoderchecks.cpp diagnosis/generatorchecks.cpp
  diagnosis/diagnosis.h diagnosis/diagnosis.cpp
  diagnosis/diagnosisrun.h diagnosis/diagnosisrun.cpp
  diagnosis/reportsecrets.h diagnosis/reportsecrets.cpp
  diagnosis/uptimechart.h diagnosis/uptimechart.cpp
  diagnosis/uptimechartsvg.h diagnosis/uptimechartsvg.cpp
  diagnosis/htmlreport.h diagnosis/htmlreport.cpp
  diagnosis/pdfprinter.h diagnosis/pdfprinter.cpp
  diagnosis/reportfile.h diagnosis/reportfile.cpp
  diagnosis/shiftreport.h diagnosis/shiftreport.cpp)
