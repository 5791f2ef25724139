// bytes_codec.go: the codecs behind str.encode, bytes.decode and
// str(bytes, encoding): utf-8, ascii and latin-1 with the error handlers
// strict, ignore, replace, backslashreplace, surrogateescape (decode) and
// xmlcharrefreplace (encode), raising CPython's UnicodeDecodeError /
// UnicodeEncodeError messages.

package vm

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// normEncoding maps an encoding name to "utf-8", "ascii" or "latin-1"
// ("" when unknown).
func normEncoding(enc string) string {
	e := strings.ToLower(strings.TrimSpace(enc))
	e = strings.NewReplacer("_", "-", " ", "-").Replace(e)
	switch e {
	case "utf-8", "utf8", "u8", "utf", "cp65001", "utf-8-sig":
		return "utf-8"
	case "ascii", "us-ascii", "646", "us":
		return "ascii"
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819", "latin", "l1", "iso-ir-100", "csisolatin1":
		return "latin-1"
	}
	return ""
}

func unknownHandler(errors string) error {
	return Errorf(LookupErrorType, "unknown error handler name '%s'", errors)
}

// decodeError builds CPython's UnicodeDecodeError.
func decodeError(codec string, b []byte, start, end int, reason string) error {
	var msg string
	if end-start == 1 {
		msg = fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s", codec, b[start], start, reason)
	} else {
		msg = fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: %s", codec, start, end-1, reason)
	}
	e := NewException(UnicodeDecodeErrorType, StrValue(msg))
	d := e.dictOrNew()
	d.SetStr(Intern("encoding"), StrValue(codec))
	d.SetStr(Intern("object"), Obj(NewBytes(append([]byte(nil), b...))))
	d.SetStr(Intern("start"), Int(int64(start)))
	d.SetStr(Intern("end"), Int(int64(end)))
	d.SetStr(Intern("reason"), StrValue(reason))
	return e
}

// encodeError builds CPython's UnicodeEncodeError.
func encodeError(codec string, rs []rune, start, end int, reason string) error {
	var msg string
	if end-start == 1 {
		msg = fmt.Sprintf("'%s' codec can't encode character '%s' in position %d: %s", codec, escapeChar(rs[start]), start, reason)
	} else {
		msg = fmt.Sprintf("'%s' codec can't encode characters in position %d-%d: %s", codec, start, end-1, reason)
	}
	return NewException(UnicodeEncodeErrorType, StrValue(msg))
}

// escapeChar is the \x/\u/\U escape CPython uses in codec messages.
func escapeChar(r rune) string {
	switch {
	case r < 0x100:
		return fmt.Sprintf("\\x%02x", r)
	case r < 0x10000:
		return fmt.Sprintf("\\u%04x", r)
	}
	return fmt.Sprintf("\\U%08x", r)
}

// decodeBytes decodes b with the named encoding and error handler.
func decodeBytes(b []byte, encoding, errors string) (string, error) {
	codec := normEncoding(encoding)
	if codec == "" {
		return "", Errorf(LookupErrorType, "unknown encoding: %s", encoding)
	}
	switch codec {
	case "latin-1":
		return latin1String(b), nil
	case "ascii":
		ok := true
		for _, c := range b {
			if c >= 0x80 {
				ok = false
				break
			}
		}
		if ok {
			return string(b), nil
		}
		var sb strings.Builder
		for i, c := range b {
			if c < 0x80 {
				sb.WriteByte(c)
				continue
			}
			if err := decodeHandle(&sb, codec, b, i, i+1, "ordinal not in range(128)", errors); err != nil {
				return "", err
			}
		}
		return sb.String(), nil
	}
	if utf8.Valid(b) {
		if strings.EqualFold(encoding, "utf-8-sig") && len(b) >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf {
			b = b[3:]
		}
		return string(b), nil
	}
	var sb strings.Builder
	i := 0
	for i < len(b) {
		c := b[i]
		if c < 0x80 {
			sb.WriteByte(c)
			i++
			continue
		}
		n, bad, reason := utf8Seq(b, i)
		if reason == "" {
			sb.Write(b[i : i+n])
			i += n
			continue
		}
		if err := decodeHandle(&sb, "utf-8", b, i, i+bad, reason, errors); err != nil {
			return "", err
		}
		i += bad
	}
	return sb.String(), nil
}

// utf8Seq validates the UTF-8 sequence at b[i] (a non-ASCII byte) like
// CPython's decoder: it returns the sequence length, or the length of the
// invalid part and the reason.
func utf8Seq(b []byte, i int) (n, bad int, reason string) {
	c := b[i]
	var need int
	lo, hi := byte(0x80), byte(0xbf)
	switch {
	case c >= 0xc2 && c <= 0xdf:
		need = 1
	case c >= 0xe0 && c <= 0xef:
		need = 2
		if c == 0xe0 {
			lo = 0xa0
		} else if c == 0xed {
			hi = 0x9f
		}
	case c >= 0xf0 && c <= 0xf4:
		need = 3
		if c == 0xf0 {
			lo = 0x90
		} else if c == 0xf4 {
			hi = 0x8f
		}
	default:
		return 0, 1, "invalid start byte"
	}
	for k := 1; k <= need; k++ {
		if i+k >= len(b) {
			return 0, len(b) - i, "unexpected end of data"
		}
		d := b[i+k]
		if k == 1 {
			if d < lo || d > hi {
				return 0, 1, "invalid continuation byte"
			}
		} else if d < 0x80 || d > 0xbf {
			return 0, k, "invalid continuation byte"
		}
	}
	return need + 1, 0, ""
}

func decodeHandle(sb *strings.Builder, codec string, b []byte, start, end int, reason, errors string) error {
	switch errors {
	case "strict":
		return decodeError(codec, b, start, end, reason)
	case "ignore":
	case "replace":
		sb.WriteRune(0xfffd)
	case "backslashreplace":
		for _, c := range b[start:end] {
			fmt.Fprintf(sb, "\\x%02x", c)
		}
	case "surrogateescape":
		for _, c := range b[start:end] {
			// lone surrogates U+DC80..U+DCFF, WTF-8 encoded
			r := 0xdc00 + rune(c)
			sb.WriteByte(byte(0xe0 | r>>12))
			sb.WriteByte(byte(0x80 | (r>>6)&0x3f))
			sb.WriteByte(byte(0x80 | r&0x3f))
		}
	default:
		return unknownHandler(errors)
	}
	return nil
}

// encodeStr encodes s with the named encoding and error handler.
func encodeStr(s, encoding, errors string) ([]byte, error) {
	codec := normEncoding(encoding)
	if codec == "" {
		return nil, Errorf(LookupErrorType, "unknown encoding: %s", encoding)
	}
	limit := rune(0x80)
	reason := "ordinal not in range(128)"
	switch codec {
	case "utf-8":
		if strings.EqualFold(encoding, "utf-8-sig") {
			return append([]byte{0xef, 0xbb, 0xbf}, s...), nil
		}
		return []byte(s), nil
	case "latin-1":
		limit = 0x100
		reason = "ordinal not in range(256)"
	}
	ok := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ok = false
			break
		}
	}
	if ok {
		return []byte(s), nil
	}
	rs := []rune(s)
	out := make([]byte, 0, len(rs))
	for i := 0; i < len(rs); {
		r := rs[i]
		if r < limit {
			out = append(out, byte(r))
			i++
			continue
		}
		j := i + 1
		for j < len(rs) && rs[j] >= limit {
			j++
		}
		switch errors {
		case "strict":
			return nil, encodeError(codec, rs, i, j, reason)
		case "ignore":
		case "replace":
			for k := i; k < j; k++ {
				out = append(out, '?')
			}
		case "backslashreplace":
			for k := i; k < j; k++ {
				out = append(out, escapeChar(rs[k])...)
			}
		case "xmlcharrefreplace":
			for k := i; k < j; k++ {
				out = append(out, "&#"+strconv.Itoa(int(rs[k]))+";"...)
			}
		default:
			return nil, unknownHandler(errors)
		}
		i = j
	}
	return out, nil
}

// codecArgs reads the (encoding, errors) arguments of str.encode and
// bytes.decode, defaulting to utf-8 and strict.
func codecArgs(name string, args []Value, kw []*Str) (encoding, errors string, err error) {
	var enc, errs Value
	if err := argsKw(name, args, kw, []string{"encoding", "errors"}, 0, &enc, &errs); err != nil {
		return "", "", err
	}
	encoding, errors = "utf-8", "strict"
	for _, a := range []struct {
		v    Value
		what string
		out  *string
	}{{enc, "encoding", &encoding}, {errs, "errors", &errors}} {
		if a.v.o == nil {
			continue
		}
		s, ok := a.v.o.(*Str)
		if !ok {
			return "", "", Errorf(TypeErrorType, "%s() argument '%s' must be str, not %s", name, a.what, a.v.Type().Name)
		}
		*a.out = s.s
	}
	return encoding, errors, nil
}
