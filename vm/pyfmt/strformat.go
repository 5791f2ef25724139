// strformat.go: str.format / str.format_map — parsing of format strings and
// replacement fields (CPython's Objects/stringlib/unicode_format.h) and a
// driver, StrFormat, that evaluates them through VM callbacks.

package pyfmt

import (
	"math"
	"strconv"
	"strings"
)

// Field is one piece of a parsed format string: literal text, optionally
// followed by a replacement field.
type Field struct {
	Literal       string // text before the field, with {{ and }} unescaped
	IsField       bool   // a replacement field follows Literal
	Name          string // raw field name ("", "0", "name.attr[key]"); parse with ParseFieldName
	Conversion    rune   // character after '!', 0 if none; anything but r s a is invalid (see ConversionError)
	Spec          string // raw format spec after ':'
	SpecHasFields bool   // Spec contains '{': expand it with StrFormat semantics before use
}

// ParseFormat splits a str.format format string into fields. The last
// element may have IsField false (trailing literal text).
//
// On a syntax error ("Single '}' encountered in format string",
// "Single '{' encountered in format string", "expected '}' before end of
// string", "unmatched '{' in format spec", "unexpected '{' in field name",
// "end of string while looking for conversion specifier",
// "expected ':' after conversion specifier") it returns the fields parsed
// before the error together with the error: CPython parses lazily, so it
// evaluates (and may fail on) those fields first.
//
// ParseFormat does not look inside field names or nested specs; see
// ParseFieldName, AutoNumber and StrFormat.
func ParseFormat(s string) ([]Field, error) {
	var fields []Field
	it := markupIter{s: s}
	var lit strings.Builder
	for {
		m, ok, err := it.next()
		if err != nil {
			return fields, err
		}
		if !ok {
			break
		}
		lit.WriteString(m.literal)
		if m.isField {
			fields = append(fields, Field{Literal: lit.String(), IsField: true, Name: m.name,
				Conversion: m.conv, Spec: m.spec, SpecHasFields: m.expand})
			lit.Reset()
		}
	}
	if lit.Len() > 0 {
		fields = append(fields, Field{Literal: lit.String()})
	}
	return fields, nil
}

type markup struct {
	literal string
	isField bool
	name    string
	conv    rune
	spec    string
	expand  bool
}

// markupIter is CPython's MarkupIterator.
type markupIter struct {
	s   string
	pos int
}

func (it *markupIter) next() (markup, bool, error) {
	var m markup
	s := it.s
	if it.pos >= len(s) {
		return m, false, nil
	}
	start := it.pos
	var c byte
	markupFollows := false
	for it.pos < len(s) {
		c = s[it.pos]
		it.pos++
		if c == '{' || c == '}' {
			markupFollows = true
			break
		}
	}
	atEnd := it.pos >= len(s)
	n := it.pos - start
	if c == '}' && markupFollows && (atEnd || s[it.pos] != '}') {
		return m, false, valueError("Single '}' encountered in format string")
	}
	if atEnd && c == '{' && markupFollows {
		return m, false, valueError("Single '{' encountered in format string")
	}
	if !atEnd && markupFollows {
		if s[it.pos] == c {
			it.pos++
			markupFollows = false
		} else {
			n--
		}
	}
	m.literal = s[start : start+n]
	if !markupFollows {
		return m, true, nil
	}
	m.isField = true
	if err := it.parseField(&m); err != nil {
		return m, false, err
	}
	return m, true, nil
}

// parseField is CPython's parse_field; it.pos is just after the '{'.
func (it *markupIter) parseField(m *markup) error {
	s := it.s
	start := it.pos
	var c byte
	for it.pos < len(s) {
		c = s[it.pos]
		it.pos++
		switch c {
		case '{':
			return valueError("unexpected '{' in field name")
		case '[':
			for it.pos < len(s) && s[it.pos] != ']' {
				it.pos++
			}
			continue
		case '}', ':', '!':
		default:
			continue
		}
		break
	}
	if c == '}' || c == ':' || c == '!' {
		m.name = s[start : it.pos-1]
	}
	if c == '!' || c == ':' {
		if c == '!' {
			if it.pos >= len(s) {
				return valueError("end of string while looking for conversion specifier")
			}
			r, n := decodeRune(s, it.pos)
			m.conv = r
			it.pos += n
			if it.pos < len(s) {
				c = s[it.pos]
				it.pos++
				if c == '}' {
					return nil
				}
				if c != ':' {
					return valueError("expected ':' after conversion specifier")
				}
			}
		}
		specStart := it.pos
		count := 1
		for it.pos < len(s) {
			c = s[it.pos]
			it.pos++
			switch c {
			case '{':
				m.expand = true
				count++
			case '}':
				count--
				if count == 0 {
					m.spec = s[specStart : it.pos-1]
					return nil
				}
			}
		}
		return valueError("unmatched '{' in format spec")
	}
	if c != '}' {
		return valueError("expected '}' before end of string")
	}
	return nil
}

// FieldName is a parsed replacement field name: a first part selecting a
// positional or keyword argument, then a chain of .attr and [key] accessors.
type FieldName struct {
	Auto  bool   // the first part is empty: automatic numbering (see AutoNumber)
	Index int    // positional index; -1 when the first part is a keyword (or Auto and unresolved)
	Key   string // keyword name when Index == -1 and !Auto
	Rest  []Accessor
	// RestErr, when non-nil, must be raised after applying Rest: CPython
	// walks the accessor chain lazily, so lookups before a malformed part
	// ("Empty attribute in format string", "Missing ']' in format string",
	// "Only '.' or '[' may follow ']' in format field specifier") happen
	// first.
	RestErr error
}

// Accessor is one ".name" or "[key]" step of a field name.
type Accessor struct {
	Attr  bool   // true for .name (getattr), false for [key] (getitem)
	Name  string // attribute name, or string item key when !IsInt
	IsInt bool   // [key] where key is all decimal digits: an int key
	Index int    // the int key when IsInt
}

// ParseFieldName parses a replacement field name. Its only error is
// "Too many decimal digits in format string"; chain errors are deferred in
// RestErr.
func ParseFieldName(name string) (FieldName, error) {
	fn := FieldName{Index: -1}
	i := strings.IndexAny(name, ".[")
	if i < 0 {
		i = len(name)
	}
	first := name[:i]
	idx, err := fieldInteger(first)
	if err != nil {
		return fn, err
	}
	switch {
	case first == "":
		fn.Auto = true
	case idx >= 0:
		fn.Index = idx
	default:
		fn.Key = first
	}
	rest := name[i:]
	for rest != "" {
		var a Accessor
		switch rest[0] {
		case '.':
			a.Attr = true
			rest = rest[1:]
			j := strings.IndexAny(rest, ".[")
			if j < 0 {
				j = len(rest)
			}
			a.Name = rest[:j]
			rest = rest[j:]
		case '[':
			j := strings.IndexByte(rest, ']')
			if j < 0 {
				fn.RestErr = valueError("Missing ']' in format string")
				return fn, nil
			}
			a.Name = rest[1:j]
			rest = rest[j+1:]
			k, err := fieldInteger(a.Name)
			if err != nil {
				fn.RestErr = err
				return fn, nil
			}
			if k >= 0 {
				a.IsInt, a.Index, a.Name = true, k, ""
			}
		default:
			fn.RestErr = valueError("Only '.' or '[' may follow ']' in format field specifier")
			return fn, nil
		}
		if a.Name == "" && !a.IsInt {
			fn.RestErr = valueError("Empty attribute in format string")
			return fn, nil
		}
		fn.Rest = append(fn.Rest, a)
	}
	return fn, nil
}

// fieldInteger is get_integer from unicode_format.h: the value of a
// non-empty string of Unicode decimal digits, or -1.
func fieldInteger(s string) (int, error) {
	if s == "" {
		return -1, nil
	}
	acc := 0
	for i := 0; i < len(s); {
		r, n := decodeRune(s, i)
		d := DecimalValue(r)
		if d < 0 {
			return -1, nil
		}
		if acc > (math.MaxInt64-d)/10 {
			return -1, valueError("Too many decimal digits in format string")
		}
		acc = acc*10 + d
		i += n
	}
	return acc, nil
}

// AutoNumber tracks automatic field numbering across one str.format call
// (including fields nested in format specs). The zero value is ready.
type AutoNumber struct {
	state int // 0 init, 1 auto, 2 manual
	next  int
}

// Resolve checks fn against the numbering mode used so far and assigns the
// next automatic index to an Auto field. Errors: "cannot switch from manual
// field specification to automatic field numbering" and the converse.
func (a *AutoNumber) Resolve(fn *FieldName) error {
	numeric := fn.Auto || fn.Index >= 0
	if !numeric {
		return nil
	}
	if a.state == 0 {
		if fn.Auto {
			a.state = 1
		} else {
			a.state = 2
		}
	}
	if a.state == 2 {
		if fn.Auto {
			return valueError("cannot switch from manual field specification to automatic field numbering")
		}
	} else if !fn.Auto {
		return valueError("cannot switch from automatic field numbering to manual field specification")
	}
	if fn.Auto {
		fn.Index = a.next
		a.next++
	}
	return nil
}

// ConversionError returns CPython's error for an invalid conversion
// character ("Unknown conversion specifier x"), or nil for r, s, a and 0.
func ConversionError(conv rune) error {
	switch conv {
	case 0, 'r', 's', 'a':
		return nil
	}
	if conv > 32 && conv < 127 {
		return valueError("Unknown conversion specifier " + string(conv))
	}
	return valueError("Unknown conversion specifier \\x" + hexLower(uint64(conv)))
}

// StrFormatOps gives StrFormat access to the VM's objects. Objects are
// opaque values of type any; StrFormat only passes them back.
type StrFormatOps interface {
	// Positional returns positional argument i. The VM raises IndexError
	// "Replacement index %d out of range for positional args tuple", or,
	// for format_map, ValueError "Format string contains positional fields".
	Positional(i int) (any, error)
	// Keyword returns the keyword argument (format) or mapping item
	// (format_map) called name; typically KeyError when absent.
	Keyword(name string) (any, error)
	// GetAttr returns getattr(obj, name).
	GetAttr(obj any, name string) (any, error)
	// GetItem returns obj[key], key being an int or a string.
	GetItem(obj any, key any) (any, error)
	// Str returns str(obj); Repr returns repr(obj) (for !s, !r and !a).
	Str(obj any) (string, error)
	Repr(obj any) (string, error)
	// Format returns format(obj, spec).
	Format(obj any, spec string) (string, error)
}

// StrFormat evaluates format like str.format / str.format_map, asking ops
// for arguments, attribute and item lookups and the final formatting of
// each field. Error ordering matches CPython: fields are evaluated left to
// right, nested specs after their field's lookup and conversion, and
// syntax errors surface only when parsing reaches them. After !s/!r/!a the
// value is a Go string and is formatted with FormatString directly.
func StrFormat(format string, ops StrFormatOps) (string, error) {
	var an AutoNumber
	var sb strings.Builder
	if err := buildString(&sb, format, ops, 2, &an); err != nil {
		return "", err
	}
	return sb.String(), nil
}

func buildString(sb *strings.Builder, format string, ops StrFormatOps, depth int, an *AutoNumber) error {
	if depth <= 0 {
		return valueError("Max string recursion exceeded")
	}
	it := markupIter{s: format}
	for {
		m, ok, err := it.next()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		sb.WriteString(m.literal)
		if m.isField {
			if err := outputMarkup(sb, &m, ops, depth, an); err != nil {
				return err
			}
		}
	}
}

func outputMarkup(sb *strings.Builder, m *markup, ops StrFormatOps, depth int, an *AutoNumber) error {
	fn, err := ParseFieldName(m.name)
	if err != nil {
		return err
	}
	if err := an.Resolve(&fn); err != nil {
		return err
	}
	var obj any
	if fn.Index >= 0 {
		obj, err = ops.Positional(fn.Index)
	} else {
		obj, err = ops.Keyword(fn.Key)
	}
	if err != nil {
		return err
	}
	for _, a := range fn.Rest {
		switch {
		case a.Attr:
			obj, err = ops.GetAttr(obj, a.Name)
		case a.IsInt:
			obj, err = ops.GetItem(obj, a.Index)
		default:
			obj, err = ops.GetItem(obj, a.Name)
		}
		if err != nil {
			return err
		}
	}
	if fn.RestErr != nil {
		return fn.RestErr
	}
	var str string
	converted := false
	if m.conv != 0 {
		if err := ConversionError(m.conv); err != nil {
			return err
		}
		if m.conv == 's' {
			str, err = ops.Str(obj)
		} else {
			str, err = ops.Repr(obj)
			if m.conv == 'a' {
				str = ASCIIEscape(str)
			}
		}
		if err != nil {
			return err
		}
		converted = true
	}
	spec := m.spec
	if m.expand {
		var inner strings.Builder
		if err := buildString(&inner, spec, ops, depth-1, an); err != nil {
			return err
		}
		spec = inner.String()
	}
	var out string
	if converted {
		if spec == "" {
			out = str
		} else {
			sp, err := ParseSpec(spec)
			if err != nil {
				return err
			}
			if out, err = FormatString(str, sp, "str"); err != nil {
				return err
			}
		}
	} else if out, err = ops.Format(obj, spec); err != nil {
		return err
	}
	sb.WriteString(out)
	return nil
}

// IndexError text helper for VMs implementing StrFormatOps.Positional.

// ReplacementIndexError returns CPython's IndexError for a positional field
// index beyond the arguments of str.format.
func ReplacementIndexError(i int) error {
	return &Error{Kind: "IndexError", Msg: "Replacement index " + strconv.Itoa(i) + " out of range for positional args tuple"}
}
