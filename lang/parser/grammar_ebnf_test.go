package parser

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var updateGrammar = flag.Bool("update", false, "rewrite spec/grammar.ebnf from Grammar()")

// TestGrammarEBNF fails when spec/grammar.ebnf is not the grammar that
// Grammar() prints; run with -update to rewrite the file.
func TestGrammarEBNF(t *testing.T) {
	path := filepath.Join("..", "..", "spec", "grammar.ebnf")
	want := Grammar()
	if *updateGrammar {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run: go test ./lang/parser -run TestGrammarEBNF -update)", err)
	}
	if string(got) != want {
		t.Errorf("%s is out of date with the parser (run: go test ./lang/parser -run TestGrammarEBNF -update)", path)
	}
}
