import http
# Ignore comments: a name that is not a rule, and (httpcodes-test: report-unused-ignores) one that silences nothing.
#httpcodes:ignore redirect-statsu # want "unknown-ignore: \"redirect-statsu\" is not a rule, so this ignore comment silences nothing; did you mean \"redirect-status\"."

#httpcodes:ignore -- kept from a fix long gone # want "unused-ignore: silences nothing on its line or the next"

