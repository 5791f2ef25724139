// suggest.go adds CPython 3.11's "Did you mean" hints to the last line of
// a printed NameError or AttributeError: the closest name, by an edit
// distance where changing a letter's case costs half a move, among the
// candidates (the frame's local variable names, then its globals, then
// the builtins; or dir() of the object). A candidate may differ in at most
// about a third of the characters involved.

package vm

import (
	"strings"

	"yflow/lang/compiler"
)

const (
	sugMaxCandidates = 750 // more candidates than this: no suggestion
	sugMaxName       = 40  // longer names: no suggestion
	sugMoveCost      = 2
	sugCaseCost      = 1
)

// suggestCtx is what a NameError or AttributeError raised by the VM
// remembers for its hint: the missing name, and where to look for
// similar ones.
type suggestCtx struct {
	name    *Str
	obj     Value          // AttributeError: the object (NULL for NameError)
	code    *compiler.Code // NameError: the code whose variables are candidates
	globals *Dict
	builtin *Dict
}

// nameError is NameError "name 'x' is not defined" raised in frame f.
func (t *Thread) nameError(f *Frame, name *Str) *Exception {
	e := Errorf(NameErrorType, "name '%s' is not defined", name.s)
	e.sug = &suggestCtx{name: name, code: f.code, globals: f.globals, builtin: t.in.Builtins}
	return e
}

// attrError is an AttributeError for a missing attribute of obj.
func attrError(obj Value, name *Str, format string, args ...any) *Exception {
	e := Errorf(AttributeErrorType, format, args...)
	e.sug = &suggestCtx{name: name, obj: obj}
	return e
}

// suggestion is the hint for e ("" when none).
func (t *Thread) suggestion(e *Exception) string {
	s := e.sug
	if s == nil || s.name == nil {
		return ""
	}
	if s.obj.o != nil {
		if !e.cls.IsSubtype(AttributeErrorType) {
			return ""
		}
		d, err := t.dir(s.obj)
		if err != nil {
			return ""
		}
		l, ok := d.o.(*List)
		if !ok {
			return ""
		}
		return closestName(s.name.s, strNames(l.items))
	}
	if !e.cls.IsSubtype(NameErrorType) {
		return ""
	}
	if s.code != nil {
		if r := closestName(s.name.s, s.code.VarNames); r != "" {
			return r
		}
	}
	for _, d := range []*Dict{s.globals, s.builtin} {
		if d == nil {
			continue
		}
		if r := closestName(s.name.s, strNames(d.Keys())); r != "" {
			return r
		}
	}
	return ""
}

// strNames is the str items of vs.
func strNames(vs []Value) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if s, ok := v.o.(*Str); ok {
			out = append(out, s.s)
		}
	}
	return out
}

// closestName is the candidate nearest to name within the distance
// allowed, the first one found among equals; "" when none.
func closestName(name string, candidates []string) string {
	if len(candidates) >= sugMaxCandidates {
		return ""
	}
	best, bestDist := "", 0
	for _, c := range candidates {
		if c == name {
			continue
		}
		limit := (len(name) + len(c) + 3) * sugMoveCost / 6
		if best != "" && bestDist-1 < limit {
			limit = bestDist - 1
		}
		d := editDistance(name, c, limit)
		if d > limit {
			continue
		}
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the cost of turning a into b (insertions, deletions and
// substitutions cost sugMoveCost, a change of case only sugCaseCost); any
// result above limit means "more than limit".
func editDistance(a, b string, limit int) int {
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return (len(a) + len(b)) * sugMoveCost
	}
	if len(a) > sugMaxName || len(b) > sugMaxName {
		return limit + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*sugMoveCost > limit {
		return limit + 1
	}
	// row[i] is the cost of turning b[:j] into a[:i+1], for the current j
	var rowBuf [sugMaxName]int
	row := rowBuf[:len(a)]
	for i := range row {
		row[i] = (i + 1) * sugMoveCost
	}
	cost := 0
	for j := 0; j < len(b); j++ {
		diag := j * sugMoveCost // cost of b[:j] into a[:0]
		cost = diag + sugMoveCost
		rowMin := -1
		left := (j + 1) * sugMoveCost // cost of b[:j+1] into a[:0]
		for i := 0; i < len(a); i++ {
			sub := diag + substCost(b[j], a[i])
			up := row[i]
			cost = min(min(left, up)+sugMoveCost, sub)
			diag = up
			row[i] = cost
			left = cost
			if rowMin < 0 || cost < rowMin {
				rowMin = cost
			}
		}
		if rowMin > limit {
			return limit + 1
		}
	}
	return cost
}

func substCost(x, y byte) int {
	switch {
	case x == y:
		return 0
	case strings.EqualFold(string(x), string(y)):
		return sugCaseCost
	}
	return sugMoveCost
}
