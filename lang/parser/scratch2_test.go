package parser

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"testing"
)

func TestScratchErrs(t *testing.T) {
	f := os.Getenv("YFE")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	var cases []string
	json.Unmarshal(data, &cases)
	for _, c := range cases {
		_, err := Parse("x.yf", []byte(c))
		if err == nil {
			fmt.Printf("%q OK\n", c)
			continue
		}
		e := err.(*Error)
		fmt.Printf("%q | %s | %s | %d %d inc=%v\n", c, e.Kind, e.Msg, e.Line, e.Col, errors.Is(err, ErrIncomplete))
	}
}
