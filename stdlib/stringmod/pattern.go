// pattern.go implements string._finditer, the matcher behind
// string.Template: it runs a Python style regular expression (the Template pattern, with Python's verbose
// and flag syntax translated to Go's RE2) over a string and reports the
// matches in code-point offsets, as Python's re would.

package stringmod

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"yflow/stdlib/modutil"
	"yflow/vm"
)

// Python re flag values that Template patterns use.
const (
	flagIgnoreCase = 2
	flagMultiline  = 8
	flagDotAll     = 16
	flagVerbose    = 64
)

// patternCache holds compiled patterns by flags and source.
var patternCache sync.Map

type cacheKey struct {
	src   string
	flags int64
}

// stripVerbose removes the whitespace and comments that re.VERBOSE
// ignores: outside character classes and not escaped.
func stripVerbose(src string) string {
	var b strings.Builder
	inClass := false
	rs := []rune(src)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case c == '\\' && i+1 < len(rs):
			i++
			if unicode.IsSpace(rs[i]) {
				b.WriteRune(rs[i]) // an escaped space is the space itself
			} else {
				b.WriteRune('\\')
				b.WriteRune(rs[i])
			}
		case inClass:
			if c == ']' {
				inClass = false
			}
			b.WriteRune(c)
		case c == '[':
			inClass = true
			b.WriteRune(c)
			// a ']' right after '[' or '[^' is a literal member
			if i+1 < len(rs) && rs[i+1] == '^' {
				i++
				b.WriteRune('^')
			}
			if i+1 < len(rs) && rs[i+1] == ']' {
				i++
				b.WriteRune(']')
			}
		case unicode.IsSpace(c):
		case c == '#':
			for i < len(rs) && rs[i] != '\n' {
				i++
			}
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}

// inlineFlags matches Python's inline flag groups, (?aiLmsux-imsx: and
// (?aiLmsux), so that the flags RE2 lacks can be dropped.
var inlineFlags = regexp.MustCompile(`\(\?([aiLmsux]*)(-[imsx]+)?([:)])`)

// translate turns a Python pattern and its flags into an RE2 pattern.
func translate(src string, flags int64) string {
	if flags&flagVerbose != 0 {
		src = stripVerbose(src)
	}
	src = inlineFlags.ReplaceAllStringFunc(src, func(g string) string {
		m := inlineFlags.FindStringSubmatch(g)
		on := strings.Map(func(r rune) rune {
			if r == 'a' || r == 'L' || r == 'u' || r == 'x' {
				return -1
			}
			return r
		}, m[1])
		if on == "" && m[2] == "" {
			if m[3] == ")" {
				return ""
			}
			return "(?:"
		}
		return "(?" + on + m[2] + m[3]
	})
	src = strings.ReplaceAll(src, `\Z`, `\z`)
	prefix := ""
	if flags&flagIgnoreCase != 0 {
		prefix += "i"
	}
	if flags&flagMultiline != 0 {
		prefix += "m"
	}
	if flags&flagDotAll != 0 {
		prefix += "s"
	}
	if prefix != "" {
		src = "(?" + prefix + ")" + src
	}
	return src
}

func compilePattern(src string, flags int64) (*regexp.Regexp, error) {
	key := cacheKey{src, flags}
	if re, ok := patternCache.Load(key); ok {
		return re.(*regexp.Regexp), nil
	}
	re, err := regexp.Compile(translate(src, flags))
	if err != nil {
		return nil, vm.Errorf(vm.ValueErrorType, "unsupported pattern %q: %v", src, err)
	}
	patternCache.Store(key, re)
	return re, nil
}

// finditer is string._finditer(pattern, flags, text): a list of
// (start, end, {group: (start, end) or None}) for each match.
func finditer(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
	if err := vm.CheckArgs("_finditer", args, kw, 3, 3); err != nil {
		return vm.Null, err
	}
	src, ok1 := modutil.Str(args[0])
	text, ok2 := modutil.Str(args[2])
	if !ok1 || !ok2 {
		return vm.Null, vm.Errorf(vm.TypeErrorType, "_finditer: pattern and text must be str")
	}
	flags, err := modutil.Int64(t, args[1])
	if err != nil {
		return vm.Null, err
	}
	re, err := compilePattern(src, flags)
	if err != nil {
		return vm.Null, err
	}
	// runeAt converts byte offsets to code-point offsets, moving forward.
	lastByte, lastRune := 0, 0
	runeAt := func(b int) int {
		if b < lastByte {
			lastByte, lastRune = 0, 0
		}
		lastRune += utf8.RuneCountInString(text[lastByte:b])
		lastByte = b
		return lastRune
	}
	names := re.SubexpNames()
	var out []vm.Value
	for _, loc := range re.FindAllStringSubmatchIndex(text, -1) {
		start, end := runeAt(loc[0]), runeAt(loc[1])
		groups := vm.NewDict()
		for i := 1; i < len(names); i++ {
			if names[i] == "" {
				continue
			}
			span := vm.None
			if loc[2*i] >= 0 {
				s, e := runeAt(loc[2*i]), runeAt(loc[2*i+1])
				span = vm.TupleValue(vm.Int(int64(s)), vm.Int(int64(e)))
			}
			groups.SetStr(vm.Intern(names[i]), span)
		}
		runeAt(loc[1])
		out = append(out, vm.TupleValue(vm.Int(int64(start)), vm.Int(int64(end)), vm.Obj(groups)))
	}
	return vm.Obj(vm.NewList(out)), nil
}
