// helpers_test.go: shared helpers for reading the python3-generated
// expectation tables in testdata/.

package pyfmt

import (
	"bufio"
	"encoding/json"
	"errors"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// readJSONL returns the JSON rows of a testdata file, skipping # comments.
func readJSONL(t *testing.T, name string) [][]json.RawMessage {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]json.RawMessage
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var row []json.RawMessage
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatalf("%s: %v: %s", name, err, line)
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

func jstr(t *testing.T, m json.RawMessage) string {
	t.Helper()
	var s string
	if err := json.Unmarshal(m, &s); err != nil {
		t.Fatalf("%v: %s", err, m)
	}
	return s
}

// outcome is an expected result: ok with a value, or a Python exception.
type outcome struct {
	ok       bool
	value    string
	excKind  string
	excMsg   string
	rawValue json.RawMessage
}

func joutcome(t *testing.T, m json.RawMessage) outcome {
	t.Helper()
	var parts []json.RawMessage
	if err := json.Unmarshal(m, &parts); err != nil {
		t.Fatalf("%v: %s", err, m)
	}
	switch jstr(t, parts[0]) {
	case "ok":
		o := outcome{ok: true, rawValue: parts[1]}
		var s string
		if json.Unmarshal(parts[1], &s) == nil {
			o.value = s
		}
		return o
	case "err":
		return outcome{excKind: jstr(t, parts[1]), excMsg: jstr(t, parts[2])}
	}
	t.Fatalf("bad outcome %s", m)
	return outcome{}
}

// check compares (got, err) against the expected outcome; it returns a
// description of the mismatch or "".
func (o outcome) check(got string, err error) string {
	if o.ok {
		if err != nil {
			return "want " + strconv.Quote(o.value) + ", got error " + err.Error()
		}
		if got != o.value {
			return "want " + strconv.Quote(o.value) + ", got " + strconv.Quote(got)
		}
		return ""
	}
	var pe *Error
	if err == nil {
		return "want " + o.excKind + ": " + o.excMsg + ", got " + strconv.Quote(got)
	}
	if !errors.As(err, &pe) || pe.Kind != o.excKind || pe.Msg != o.excMsg {
		return "want " + o.excKind + ": " + o.excMsg + ", got error " + err.Error()
	}
	return ""
}

func bitsFloat(t *testing.T, h string) float64 {
	t.Helper()
	u, err := strconv.ParseUint(h, 16, 64)
	if err != nil {
		t.Fatal(err)
	}
	return math.Float64frombits(u)
}
