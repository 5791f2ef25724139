// str_helpers.go: shared helpers for the str and bytes methods: argument
// checking with CPython's messages, start/end index arguments, Unicode
// predicates and case mappings (with the tables of str_unitab.go), and the
// string algorithms (whitespace split, splitlines, strip, expandtabs)
// shared by str and bytes.

package vm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"yflow/vm/pyfmt"
)

// ------------------------------------------------------------ arguments

// selfError is the TypeError for a method of typ called on another type;
// special methods (slot wrappers) word it differently.
func selfError(name string, typ *Type, self Value) error {
	if strings.HasPrefix(name, "__") {
		return Errorf(TypeErrorType, "descriptor '%s' requires a '%s' object but received a '%s'", name, typ.Name, self.Type().Name)
	}
	return descrError(name, typ, self)
}

// argsNone checks a method taking no arguments (METH_NOARGS).
func argsNone(qual string, args []Value, kw []*Str) error {
	if len(kw) > 0 {
		return Errorf(TypeErrorType, "%s() takes no keyword arguments", qual)
	}
	if len(args) > 0 {
		return Errorf(TypeErrorType, "%s() takes no arguments (%d given)", qual, len(args))
	}
	return nil
}

// argsOne checks a method taking exactly one argument (METH_O).
func argsOne(qual string, args []Value, kw []*Str) error {
	if len(kw) > 0 {
		return Errorf(TypeErrorType, "%s() takes no keyword arguments", qual)
	}
	if len(args) != 1 {
		return Errorf(TypeErrorType, "%s() takes exactly one argument (%d given)", qual, len(args))
	}
	return nil
}

// argsRange checks a positional-only method (Argument Clinic style):
// "strip expected at most 1 argument, got 2".
func argsRange(qual, short string, args []Value, kw []*Str, min, max int) error {
	if len(kw) > 0 {
		return Errorf(TypeErrorType, "%s() takes no keyword arguments", qual)
	}
	n := len(args)
	if n < min {
		return Errorf(TypeErrorType, "%s expected at least %d argument%s, got %d", short, min, plural(min), n)
	}
	if n > max {
		return Errorf(TypeErrorType, "%s expected at most %d argument%s, got %d", short, max, plural(max), n)
	}
	return nil
}

// argsOld checks a positional-only method parsed the old way:
// "find() takes at least 1 argument (0 given)".
func argsOld(qual, short string, args []Value, kw []*Str, min, max int) error {
	if len(kw) > 0 {
		return Errorf(TypeErrorType, "%s() takes no keyword arguments", qual)
	}
	n := len(args)
	if n < min {
		return Errorf(TypeErrorType, "%s() takes at least %d argument%s (%d given)", short, min, plural(min), n)
	}
	if n > max {
		return Errorf(TypeErrorType, "%s() takes at most %d argument%s (%d given)", short, max, plural(max), n)
	}
	return nil
}

// argsKw binds positional-or-keyword parameters with CPython's messages;
// absent optional parameters are left NULL.
func argsKw(fname string, args []Value, kw []*Str, names []string, min int, out ...*Value) error {
	npos := len(args) - len(kw)
	if npos > len(names) {
		return Errorf(TypeErrorType, "%s() takes at most %d argument%s (%d given)", fname, len(names), plural(len(names)), npos)
	}
	for i := range out {
		*out[i] = Null
	}
	for i := 0; i < npos; i++ {
		*out[i] = args[i]
	}
	for i, k := range kw {
		found := false
		for j, n := range names {
			if n == k.s {
				if j < npos {
					return Errorf(TypeErrorType, "argument for %s() given by name ('%s') and position (%d)", fname, n, j+1)
				}
				*out[j] = args[npos+i]
				found = true
				break
			}
		}
		if !found {
			return Errorf(TypeErrorType, "'%s' is an invalid keyword argument for %s()", k.s, fname)
		}
	}
	for i := 0; i < min; i++ {
		if out[i].o == nil {
			return Errorf(TypeErrorType, "%s() missing required argument '%s' (pos %d)", fname, names[i], i+1)
		}
	}
	return nil
}

// argInt converts an integer argument (operator.index semantics).
func (t *Thread) argInt(v Value) (int, error) {
	if v.IsInt() {
		return int(v.AsInt()), nil
	}
	if b, ok := v.o.(*BigInt); ok {
		_ = b
		return 0, Errorf(OverflowErrorType, "Python int too large to convert to C ssize_t")
	}
	i, err := t.Index(v)
	return int(i), err
}

// sliceArg converts an optional start/end argument (None allowed); def is
// used when v is NULL or None.
func (t *Thread) sliceArg(v Value, def int) (int, error) {
	if v.o == nil || v.IsNone() {
		return def, nil
	}
	return t.sliceInt(v)
}

// adjustIndices is CPython's ADJUST_INDICES for start/end arguments.
func adjustIndices(start, end, n int) (int, int) {
	if end > n {
		end = n
	} else if end < 0 {
		end += n
		if end < 0 {
			end = 0
		}
	}
	if start < 0 {
		start += n
		if start < 0 {
			start = 0
		}
	}
	return start, end
}

// startEnd parses the optional start and end arguments args[0:2] against
// a sequence of length n.
func (t *Thread) startEnd(args []Value, n int) (int, int, error) {
	start, end := 0, n
	var err error
	if len(args) > 0 {
		if start, err = t.sliceArg(args[0], 0); err != nil {
			return 0, 0, err
		}
	}
	if len(args) > 1 {
		if end, err = t.sliceArg(args[1], n); err != nil {
			return 0, 0, err
		}
	}
	start, end = adjustIndices(start, end, n)
	return start, end, nil
}

// runeOffset converts a code-point index of s to a byte offset.
func runeOffset(s *Str, i int) int {
	if s.IsASCII() {
		return i
	}
	str := s.s
	off := 0
	for k := 0; k < i && off < len(str); k++ {
		if str[off] < utf8.RuneSelf {
			off++
		} else {
			_, n := utf8.DecodeRuneInString(str[off:])
			off += n
		}
	}
	return off
}

// runeIndex converts a byte offset of s to a code-point index.
func runeIndex(s *Str, off int) int {
	if s.IsASCII() {
		return off
	}
	return utf8.RuneCountInString(s.s[:off])
}

// ------------------------------------------------------------ predicates

// isSpaceRune is str.isspace for one code point.
func isSpaceRune(r rune) bool {
	if r < 0x80 {
		return r == ' ' || (r >= '\t' && r <= '\r') || (r >= 0x1c && r <= 0x1f)
	}
	return pyfmt.IsSpace(r)
}

// isASCIISpace is bytes.isspace for one byte.
func isASCIISpace(c byte) bool {
	return c == ' ' || (c >= '\t' && c <= '\r')
}

func isDecimalRune(r rune) bool {
	if r < 0x80 {
		return r >= '0' && r <= '9'
	}
	return unicode.Is(unicode.Nd, r)
}

func isDigitRune(r rune) bool {
	if r < 0x80 {
		return r >= '0' && r <= '9'
	}
	return unicode.Is(uniDigit, r)
}

func isNumericRune(r rune) bool {
	if r < 0x80 {
		return r >= '0' && r <= '9'
	}
	return unicode.Is(uniNumeric, r)
}

func isAlphaRune(r rune) bool {
	if r < 0x80 {
		return (r|0x20) >= 'a' && (r|0x20) <= 'z'
	}
	return unicode.IsLetter(r)
}

func isAlnumRune(r rune) bool {
	return isAlphaRune(r) || isDecimalRune(r) || isDigitRune(r) || isNumericRune(r)
}

func isUpperRune(r rune) bool {
	if r < 0x80 {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.Is(uniUpper, r)
}

func isLowerRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z'
	}
	return unicode.Is(uniLower, r)
}

func isTitleRune(r rune) bool {
	return r >= 0x80 && unicode.Is(uniTitle, r)
}

func isCasedRune(r rune) bool {
	if r < 0x80 {
		return (r|0x20) >= 'a' && (r|0x20) <= 'z'
	}
	return unicode.Is(uniCased, r)
}

func isCaseIgnorableRune(r rune) bool {
	if r < 0x80 {
		return r == '\'' || r == '.' || r == ':' || r == '^' || r == '`'
	}
	return unicode.Is(uniCaseIgnorable, r)
}

// isIdentifier is str.isidentifier.
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r < 0x80 {
			if r == '_' || (r|0x20) >= 'a' && (r|0x20) <= 'z' || i > 0 && r >= '0' && r <= '9' {
				continue
			}
			return false
		}
		if i == 0 {
			if !unicode.Is(uniIDStart, r) {
				return false
			}
		} else if !unicode.Is(uniIDContinue, r) {
			return false
		}
	}
	return true
}

// strPredicate applies a per-code-point test: true when s is non-empty and
// every code point passes.
func strPredicate(s string, f func(rune) bool) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !f(r) {
			return false
		}
	}
	return true
}

// ------------------------------------------------------------ case mapping

func upperRune(b *strings.Builder, r rune) {
	if r < 0x80 {
		if r >= 'a' && r <= 'z' {
			r -= 32
		}
		b.WriteByte(byte(r))
		return
	}
	if m, ok := uniUpperSpecial[r]; ok {
		b.WriteString(m)
		return
	}
	b.WriteRune(unicode.ToUpper(r))
}

func lowerRune(b *strings.Builder, r rune) {
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			r += 32
		}
		b.WriteByte(byte(r))
		return
	}
	if m, ok := uniLowerSpecial[r]; ok {
		b.WriteString(m)
		return
	}
	b.WriteRune(unicode.ToLower(r))
}

func titleRune(b *strings.Builder, r rune) {
	if r < 0x80 {
		if r >= 'a' && r <= 'z' {
			r -= 32
		}
		b.WriteByte(byte(r))
		return
	}
	if m, ok := uniTitleSpecial[r]; ok {
		b.WriteString(m)
		return
	}
	b.WriteRune(unicode.ToTitle(r))
}

func foldRune(b *strings.Builder, r rune) {
	if r >= 0x80 {
		if m, ok := uniFoldSpecial[r]; ok {
			b.WriteString(m)
			return
		}
	}
	lowerRune(b, r)
}

// finalSigma reports whether the capital sigma at rune index i of rs is
// word-final (Unicode's Final_Sigma condition).
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && isCaseIgnorableRune(rs[j]) {
		j--
	}
	if j < 0 || !isCasedRune(rs[j]) {
		return false
	}
	k := i + 1
	for k < len(rs) && isCaseIgnorableRune(rs[k]) {
		k++
	}
	return k == len(rs) || !isCasedRune(rs[k])
}

// lowerStr is str.lower.
func lowerStr(s *Str) string {
	if s.IsASCII() {
		str := s.s
		for i := 0; i < len(str); i++ {
			if c := str[i]; c >= 'A' && c <= 'Z' {
				return strings.ToLower(str)
			}
		}
		return str
	}
	rs := s.Runes()
	var b strings.Builder
	b.Grow(len(s.s))
	for i, r := range rs {
		if r == 0x3a3 {
			if finalSigma(rs, i) {
				b.WriteRune(0x3c2)
			} else {
				b.WriteRune(0x3c3)
			}
			continue
		}
		lowerRune(&b, r)
	}
	return b.String()
}

// upperStr is str.upper.
func upperStr(s *Str) string {
	if s.IsASCII() {
		str := s.s
		for i := 0; i < len(str); i++ {
			if c := str[i]; c >= 'a' && c <= 'z' {
				return strings.ToUpper(str)
			}
		}
		return str
	}
	var b strings.Builder
	b.Grow(len(s.s))
	for _, r := range s.s {
		upperRune(&b, r)
	}
	return b.String()
}

// ------------------------------------------------------------ algorithms

// spaceAt tests for whitespace at byte offset i of s: str whitespace when
// uni, ASCII whitespace (bytes) otherwise; it also returns the width.
func spaceAt(s string, i int, uni bool) (bool, int) {
	c := s[i]
	if c < utf8.RuneSelf || !uni {
		if uni {
			return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f), 1
		}
		return isASCIISpace(c), 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return pyfmt.IsSpace(r), n
}

// unitBefore returns the start of the code point (uni) or byte ending at j.
func unitBefore(s string, j int, uni bool) int {
	if !uni || s[j-1] < utf8.RuneSelf {
		return j - 1
	}
	_, n := utf8.DecodeLastRuneInString(s[:j])
	return j - n
}

// splitWhitespace is str.split()/bytes.split() with sep=None.
func splitWhitespace(s string, maxsplit int, uni bool) []string {
	var out []string
	i, n := 0, len(s)
	for {
		for i < n {
			ok, w := spaceAt(s, i, uni)
			if !ok {
				break
			}
			i += w
		}
		if i >= n {
			return out
		}
		if maxsplit == 0 {
			return append(out, s[i:])
		}
		start := i
		for i < n {
			ok, w := spaceAt(s, i, uni)
			if ok {
				break
			}
			i += w
		}
		out = append(out, s[start:i])
		maxsplit--
	}
}

// rsplitWhitespace is str.rsplit()/bytes.rsplit() with sep=None; the
// result is in order.
func rsplitWhitespace(s string, maxsplit int, uni bool) []string {
	var rev []string
	j := len(s)
	for {
		for j > 0 {
			k := unitBefore(s, j, uni)
			if ok, _ := spaceAt(s, k, uni); !ok {
				break
			}
			j = k
		}
		if j <= 0 {
			break
		}
		if maxsplit == 0 {
			rev = append(rev, s[:j])
			break
		}
		end := j
		for j > 0 {
			k := unitBefore(s, j, uni)
			if ok, _ := spaceAt(s, k, uni); ok {
				break
			}
			j = k
		}
		rev = append(rev, s[j:end])
		maxsplit--
	}
	for a, b := 0, len(rev)-1; a < b; a, b = a+1, b-1 {
		rev[a], rev[b] = rev[b], rev[a]
	}
	return rev
}

// splitSep is split with an explicit non-empty separator.
func splitSep(s, sep string, maxsplit int) []string {
	if maxsplit < 0 {
		return strings.Split(s, sep)
	}
	return strings.SplitN(s, sep, maxsplit+1)
}

// rsplitSep is rsplit with an explicit non-empty separator.
func rsplitSep(s, sep string, maxsplit int) []string {
	if maxsplit < 0 {
		return strings.Split(s, sep)
	}
	var rev []string
	for maxsplit > 0 {
		i := strings.LastIndex(s, sep)
		if i < 0 {
			break
		}
		rev = append(rev, s[i+len(sep):])
		s = s[:i]
		maxsplit--
	}
	rev = append(rev, s)
	for a, b := 0, len(rev)-1; a < b; a, b = a+1, b-1 {
		rev[a], rev[b] = rev[b], rev[a]
	}
	return rev
}

// splitLines is str.splitlines (uni: Unicode line boundaries) and
// bytes.splitlines (only \n, \r, \r\n).
func splitLines(s string, keepends, uni bool) []string {
	var out []string
	i, start := 0, 0
	for i < len(s) {
		c := s[i]
		w := 1
		eol := false
		switch {
		case c == '\n' || c == '\r':
			eol = true
		case uni && (c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e):
			eol = true
		case uni && c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			w = n
			eol = r == 0x85 || r == 0x2028 || r == 0x2029
		}
		if !eol {
			i += w
			continue
		}
		end := i
		i += w
		if c == '\r' && i < len(s) && s[i] == '\n' {
			i++
		}
		if keepends {
			end = i
		}
		out = append(out, s[start:end])
		start = i
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// stripStr strips the code points in *chars (str whitespace when chars is
// nil) from the left (which&1) and the right (which&2).
func stripStr(s string, chars *string, which int) string {
	inSet := func(r rune) bool {
		if chars == nil {
			return isSpaceRune(r)
		}
		return strings.ContainsRune(*chars, r)
	}
	if which&1 != 0 {
		for len(s) > 0 {
			r, n := utf8.DecodeRuneInString(s)
			if !inSet(r) {
				break
			}
			s = s[n:]
		}
	}
	if which&2 != 0 {
		for len(s) > 0 {
			r, n := utf8.DecodeLastRuneInString(s)
			if !inSet(r) {
				break
			}
			s = s[:len(s)-n]
		}
	}
	return s
}

// stripBytes strips bytes in chars (ASCII whitespace when chars is nil).
func stripBytes(s []byte, chars []byte, which int) []byte {
	inSet := func(c byte) bool {
		if chars == nil {
			return isASCIISpace(c)
		}
		for _, x := range chars {
			if x == c {
				return true
			}
		}
		return false
	}
	if which&1 != 0 {
		for len(s) > 0 && inSet(s[0]) {
			s = s[1:]
		}
	}
	if which&2 != 0 {
		for len(s) > 0 && inSet(s[len(s)-1]) {
			s = s[:len(s)-1]
		}
	}
	return s
}

// expandTabs is str.expandtabs / bytes.expandtabs (columns count code
// points for str, bytes for bytes).
func expandTabs(s string, tabsize int, uni bool) string {
	if strings.IndexByte(s, '\t') < 0 {
		return s
	}
	var b strings.Builder
	col := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\t':
			if tabsize > 0 {
				n := tabsize - col%tabsize
				for k := 0; k < n; k++ {
					b.WriteByte(' ')
				}
				col += n
			}
			i++
		case c == '\n' || c == '\r':
			b.WriteByte(c)
			col = 0
			i++
		case uni && c >= utf8.RuneSelf:
			_, n := utf8.DecodeRuneInString(s[i:])
			b.WriteString(s[i : i+n])
			col++
			i += n
		default:
			b.WriteByte(c)
			col++
			i++
		}
	}
	return b.String()
}

// padCounts returns the left and right padding of center().
func padCounts(width, n int) (int, int) {
	marg := width - n
	left := marg/2 + (marg & width & 1)
	return left, marg - left
}
