// golden_test.go is the disassembly golden test: every testdata/*.py is
// compiled and its listing compared with testdata/*.dis. Run
// `go test ./lang/compiler -update` to rewrite the expected listings.

package compiler

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"yflow/lang/parser"
)

var update = flag.Bool("update", false, "rewrite the golden .dis files")

func TestDisassemblyGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden inputs")
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".py"), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			mod, err := parser.Parse(name, src)
			if err != nil {
				t.Fatal(err)
			}
			code, err := Compile(mod, ModeExec)
			if err != nil {
				t.Fatal(err)
			}
			verifyAll(t, name, code)
			var buf bytes.Buffer
			Disassemble(&buf, code)
			want := strings.TrimSuffix(path, ".py") + ".dis"
			if *update {
				if err := os.WriteFile(want, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			exp, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if !bytes.Equal(exp, buf.Bytes()) {
				t.Errorf("disassembly of %s differs from %s:\n%s", name, want, lineDiff(string(exp), buf.String()))
			}
		})
	}
}

// lineDiff returns the first differing lines of two texts.
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + itoa(i+1) + ":\n want: " + x + "\n  got: " + y
		}
	}
	return ""
}

func itoa(i int) string {
	var b [20]byte
	n := len(b)
	for {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
		if i == 0 {
			break
		}
	}
	return string(b[n:])
}
