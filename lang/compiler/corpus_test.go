// corpus_test.go compiles every testdata/**/*.yf program of the repository
// (except the ones under testdata/errors/) and checks each code object with
// the stack verifier.

package compiler

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"yflow/lang/parser"
)

func TestCorpus(t *testing.T) {
	root := filepath.Join("..", "..", "testdata")
	if _, err := os.Stat(root); err != nil {
		t.Skip("no testdata directory")
	}
	n := 0
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".yf") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		if strings.HasPrefix(filepath.ToSlash(rel), "errors/") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return nil // being written concurrently
		}
		mod, err := parser.Parse(path, src)
		if err != nil {
			t.Logf("%s: parse error (not the compiler's): %v", rel, err)
			return nil
		}
		n++
		code, err := Compile(mod, ModeExec)
		if err != nil {
			// a golden that fails on purpose with a SyntaxError says so in NAME.err
			if want, rerr := os.ReadFile(strings.TrimSuffix(path, ".yf") + ".err"); rerr == nil && strings.Contains(string(want), "SyntaxError") {
				return nil
			}
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		verifyAll(t, rel, code)
		return nil
	})
	t.Logf("compiled %d files", n)
}
