package parser

// Grammar returns the grammar of a yflow file as EBNF, printed by
// participle from the parser that Parse uses. spec/grammar.ebnf is this
// text (grammar_ebnf_test.go keeps the two in step).
func Grammar() string {
	p, err := fileParser()
	if err != nil {
		return "internal parser error: " + err.Error() + "\n"
	}
	return p.String() + "\n"
}
