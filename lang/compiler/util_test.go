// util_test.go holds small helpers shared by the tests.

package compiler

import (
	"fmt"
	"os"
	"testing"

	"yflow/lang/parser"
)

func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }

// compileSrc parses and compiles src, failing the test on errors.
func compileSrc(t *testing.T, src string) *Code {
	t.Helper()
	mod, err := parser.Parse("t.py", []byte(src))
	if err != nil {
		t.Fatalf("parse %q: %v", src, err)
	}
	code, err := Compile(mod, ModeExec)
	if err != nil {
		t.Fatalf("compile %q: %v", src, err)
	}
	verifyAll(t, src, code)
	return code
}

// TestDisFile prints the disassembly of the file named by $YFLOW_DIS (a
// debugging aid; skipped otherwise).
func TestDisFile(t *testing.T) {
	path := os.Getenv("YFLOW_DIS")
	if path == "" {
		t.Skip("set YFLOW_DIS=file")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	mod, err := parser.Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	debugNoVerify = true
	defer func() { debugNoVerify = false }()
	code, err := Compile(mod, ModeExec)
	if err != nil {
		t.Log(err)
	}
	if code != nil {
		if err := verifyCode(code); err != nil {
			t.Log(err)
		}
	}
	if code != nil {
		Disassemble(os.Stdout, code)
	}
}
