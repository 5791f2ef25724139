package parser

import (
	"os"
	"testing"
)

func TestScratch(t *testing.T) {
	f := os.Getenv("YF")
	if f == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(f)
	m, err := Parse(f, src)
	if err != nil {
		t.Fatalf("%v (%#v)", err, err)
	}
	for _, s := range m.Body {
		t.Log(dump(s))
	}
}
