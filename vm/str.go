// str.go defines Str, Python's immutable unicode string, stored as UTF-8
// with a cached hash and a lazily computed code-point view for indexing.

package vm

import (
	"sync"
	"unicode/utf8"
)

// Str is a Python str.
type Str struct {
	s     string
	hash  int64 // 0: not computed yet
	nrune int32 // -1: not computed yet
	ascii bool  // valid once nrune >= 0
	// interned marks the canonical *Str of its text (see Intern)
	interned bool
	// runes caches the code points of a non-ASCII str that was indexed
	// (a pointer keeps Str in the 48-byte size class)
	runes *[]rune
}

// Type implements Object.
func (*Str) Type() *Type { return StrType }

// String returns the Go string.
func (s *Str) String() string { return s.s }

// NewStr makes a str.
func NewStr(s string) *Str { return &Str{s: s, nrune: -1} }

// StrValue makes a str Value.
func StrValue(s string) Value {
	if len(s) <= 1 {
		if len(s) == 0 {
			return Value{o: emptyStr}
		}
		if s[0] < utf8.RuneSelf {
			return Value{o: asciiChars[s[0]]}
		}
	}
	return Value{o: NewStr(s)}
}

var (
	emptyStr   = &Str{s: "", nrune: 0, ascii: true}
	asciiChars [128]*Str
)

func init() {
	for i := range asciiChars {
		asciiChars[i] = &Str{s: string(rune(i)), nrune: 1, ascii: true}
	}
}

var internTable sync.Map // string -> *Str

// Intern returns the canonical *Str for s; names and attribute keys are
// interned so that dict lookups usually succeed on pointer equality.
func Intern(s string) *Str {
	if v, ok := internTable.Load(s); ok {
		return v.(*Str)
	}
	n := NewStr(s)
	n.interned = true
	v, _ := internTable.LoadOrStore(s, n)
	return v.(*Str)
}

// InternStr is Intern for a *Str, free when s is already canonical.
func InternStr(s *Str) *Str {
	if s.interned {
		return s
	}
	return Intern(s.s)
}

func (s *Str) count() {
	if s.nrune >= 0 {
		return
	}
	ascii := true
	for i := 0; i < len(s.s); i++ {
		if s.s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	s.ascii = ascii
	if ascii {
		s.nrune = int32(len(s.s))
	} else {
		s.nrune = int32(utf8.RuneCountInString(s.s))
	}
}

// Len is the number of code points.
func (s *Str) Len() int {
	s.count()
	return int(s.nrune)
}

// IsASCII reports whether every code point is ASCII.
func (s *Str) IsASCII() bool {
	s.count()
	return s.ascii
}

// Runes returns the code points (cached; do not modify).
func (s *Str) Runes() []rune {
	if s.runes == nil {
		r := []rune(s.s)
		s.runes = &r
	}
	return *s.runes
}

// At returns the code point at index i (0 <= i < Len()).
func (s *Str) At(i int) rune {
	if s.IsASCII() {
		return rune(s.s[i])
	}
	return s.Runes()[i]
}

// Slice returns code points [i, j) as a Go string.
func (s *Str) Slice(i, j int) string {
	if s.IsASCII() {
		return s.s[i:j]
	}
	return string(s.Runes()[i:j])
}

// Hash returns the str's hash (FNV-1a, never -1 or 0).
func (s *Str) Hash() int64 {
	if s.hash != 0 {
		return s.hash
	}
	h := uint64(14695981039346656037)
	for i := 0; i < len(s.s); i++ {
		h ^= uint64(s.s[i])
		h *= 1099511628211
	}
	r := int64(h >> 1)
	if r == 0 || r == -1 {
		r = 2
	}
	s.hash = r
	return r
}
