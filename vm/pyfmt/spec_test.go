// spec_test.go: unit tests of ParseSpec's decomposition of format specs
// (the format tables exercise it end to end).

package pyfmt

import "testing"

func TestParseSpecFields(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Spec
	}{
		{"", EmptySpec},
		{"*^+z#012,.3f", Spec{Fill: '*', Align: '^', Sign: '+', NoNegZero: true, Alternate: true, Width: 12, Grouping: ',', Precision: 3, Type: 'f', HasType: true}},
		{"05d", Spec{Fill: '0', ZeroPad: true, Width: 5, Precision: -1, Type: 'd', HasType: true}},
		{"<05", Spec{Fill: '0', Align: '<', ZeroPad: true, Width: 5, Precision: -1}},
		{"x<05", Spec{Fill: 'x', Align: '<', Width: 5, Precision: -1}},
		{"é>٣_", Spec{Fill: 'é', Align: '>', Width: 3, Grouping: '_', Precision: -1}},
		{"=", Spec{Fill: ' ', Align: '=', Width: -1, Precision: -1}},
		{"\x00", Spec{Fill: ' ', Width: -1, Precision: -1, HasType: true}},
	} {
		got, err := ParseSpec(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseSpec(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
	sp, err := ParseSpec("abc")
	if err != nil {
		t.Fatal(err)
	}
	_, err = FormatInt64(1, sp, "MyInt")
	if err == nil || err.Error() != "ValueError: Invalid format specifier 'abc' for object of type 'MyInt'" {
		t.Errorf("got %v", err)
	}
	for _, c := range []struct{ in, msg string }{
		{".", "Format specifier missing precision"},
		{",_", "Cannot specify both ',' and '_'."},
		{"_,", "Cannot specify both ',' and '_'."},
		{",x", "Cannot specify ',' with 'x'."},
		{",s", "Cannot specify ',' with 's'."},
		{"99999999999999999999", "Too many decimal digits in format string"},
	} {
		_, err := ParseSpec(c.in)
		if pe, ok := err.(*Error); !ok || pe.Kind != "ValueError" || pe.Msg != c.msg {
			t.Errorf("ParseSpec(%q) error = %v, want %q", c.in, err, c.msg)
		}
	}
}
