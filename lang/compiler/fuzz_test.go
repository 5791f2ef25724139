// fuzz_test.go is the fuzz target for parser + compiler: whatever the
// parser accepts must compile without an internal compiler error (a panic
// or a stack inconsistency), and the result must pass the verifier.

package compiler

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"yflow/lang/parser"
)

func FuzzCompile(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.py"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "*", "*.yf"))
	for _, p := range append(files, more...) {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("def f():\n    try:\n        return 1\n    finally:\n        return 2\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		mod, err := parser.Parse("fuzz.py", src)
		if err != nil || mod == nil {
			return
		}
		code, err := Compile(mod, ModeExec)
		if err != nil {
			if strings.Contains(err.Error(), "internal compiler error") {
				t.Fatalf("%q: %v", src, err)
			}
			return
		}
		if err := verifyAllErr(code); err != nil {
			t.Fatalf("%q: %v", src, err)
		}
	})
}

func verifyAllErr(c *Code) error {
	if err := verifyCode(c); err != nil {
		return err
	}
	for _, k := range c.Consts {
		if sub, ok := k.(*Code); ok {
			if err := verifyAllErr(sub); err != nil {
				return err
			}
		}
	}
	return nil
}
