// suggest_test.go checks the edit distance behind "Did you mean" hints
// and the choice among candidates.

package vm

import "testing"

func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"xcord", "xcoord", 2},      // one insertion
		{"Distance", "distance", 1}, // a change of case costs half
		{"apend", "append", 2},
		{"meht", "meth", 4}, // two substitutions (no transpositions)
		{"sqr", "sqrt", 2},
		{"abc", "xyz", 6},
		{"Tru", "True", 2},
		{"same", "same", 0},
		{"", "abc", 6},
	}
	for _, c := range cases {
		if got := editDistance(c.a, c.b, 100); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := editDistance(c.b, c.a, 100); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d (symmetric)", c.b, c.a, got, c.want)
		}
	}
	// above the limit, any answer greater than the limit will do
	if got := editDistance("abcdef", "uvwxyz", 3); got <= 3 {
		t.Errorf("limited distance %d, want > 3", got)
	}
}

func TestClosestName(t *testing.T) {
	cases := []struct {
		name  string
		cands []string
		want  string
	}{
		{"lenn", []string{"print", "len", "list"}, "len"},
		{"meht", []string{"meth"}, ""},                    // 4 > (4+4+3)*2/6 = 3
		{"x", []string{"x", "xy"}, "xy"},                  // the name itself is skipped
		{"colour", []string{"color", "colours"}, "color"}, // first of equals wins
		{"zzz", []string{"append", "extend"}, ""},
	}
	for _, c := range cases {
		if got := closestName(c.name, c.cands); got != c.want {
			t.Errorf("closestName(%q, %v) = %q, want %q", c.name, c.cands, got, c.want)
		}
	}
	many := make([]string, sugMaxCandidates)
	for i := range many {
		many[i] = "candidate"
	}
	if got := closestName("candidat", many); got != "" {
		t.Errorf("with %d candidates got %q, want no hint", len(many), got)
	}
}
