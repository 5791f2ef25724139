// format.go: the VM side of text formatting: format()/FORMAT_VALUE
// (formatValue), str % args and bytes % args (percentFormat,
// bytesPercentFormat), str.format / str.format_map, and the conversion of
// pyfmt errors into Python exceptions. The formatting rules themselves live
// in package pyfmt.

package vm

import (
	"math/big"
	"strings"
	"sync"
	"sync/atomic"

	"yflow/vm/pyfmt"
)

// fmtErr converts an error from pyfmt into a Python exception; VM errors
// pass through unchanged.
func fmtErr(err error) error {
	if e, ok := err.(*pyfmt.Error); ok {
		cls := ExceptionTypes[e.Kind]
		if cls == nil {
			cls = ValueErrorType
		}
		if e.Msg == "" {
			return NewException(cls)
		}
		return NewException(cls, StrValue(e.Msg))
	}
	return err
}

// parseSpecCache caches parsed format specs (f-strings reuse the same
// constant specs in loops): string -> pyfmt.Spec.
var (
	parseSpecCache     sync.Map
	parseSpecCacheSize atomic.Int32
)

func parseSpec(spec string) (pyfmt.Spec, error) {
	if s, ok := parseSpecCache.Load(spec); ok {
		return s.(pyfmt.Spec), nil
	}
	s, err := pyfmt.ParseSpec(spec)
	if err != nil {
		return s, fmtErr(err)
	}
	if parseSpecCacheSize.Add(1) < 1024 {
		parseSpecCache.Store(spec, s)
	}
	return s, nil
}

// formatValue implements FORMAT_VALUE and format(): conversion conv (0
// none, 1 str, 2 repr, 3 ascii), then format(v, spec); spec is NULL or a str.
func (t *Thread) formatValue(v Value, conv int, spec Value) (Value, error) {
	switch conv {
	case 1:
		r, err := t.StrValueOf(v)
		if err != nil {
			return Null, err
		}
		v = r
	case 2, 3:
		s, err := t.Repr(v)
		if err != nil {
			return Null, err
		}
		if conv == 3 {
			s = pyfmt.ASCIIEscape(s)
		}
		v = StrValue(s)
	}
	sp := ""
	if spec.o != nil {
		s, ok := spec.o.(*Str)
		if !ok {
			return Null, Errorf(TypeErrorType, "format() argument 2 must be str, not %s", spec.Type().Name)
		}
		sp = s.s
	}
	return t.format(v, sp)
}

// format is format(v, spec) for a Go spec string.
func (t *Thread) format(v Value, spec string) (Value, error) {
	switch x := v.o.(type) {
	case *Str:
		if spec == "" {
			return v, nil
		}
		s, err := parseSpec(spec)
		if err != nil {
			return Null, err
		}
		r, err := pyfmt.FormatString(x.s, s, "str")
		if err != nil {
			return Null, fmtErr(err)
		}
		return StrValue(r), nil
	case intTag:
		if spec == "" {
			return StrValue(itoa(v.AsInt())), nil
		}
		s, err := parseSpec(spec)
		if err != nil {
			return Null, err
		}
		r, err := pyfmt.FormatInt64(v.AsInt(), s, "int")
		if err != nil {
			return Null, fmtErr(err)
		}
		return StrValue(r), nil
	case boolTag:
		if spec == "" {
			if v.n != 0 {
				return StrValue("True"), nil
			}
			return StrValue("False"), nil
		}
		s, err := parseSpec(spec)
		if err != nil {
			return Null, err
		}
		r, err := pyfmt.FormatInt64(v.AsInt(), s, "bool")
		if err != nil {
			return Null, fmtErr(err)
		}
		return StrValue(r), nil
	case *BigInt:
		if spec == "" {
			d, err := t.bigDecimal(&x.v)
			return StrValue(d), err
		}
		s, err := parseSpec(spec)
		if err != nil {
			return Null, err
		}
		switch s.Type {
		case 'x', 'X', 'o', 'b', 'c':
		default:
			if _, err := t.bigDecimal(&x.v); err != nil {
				return Null, err
			}
		}
		r, err := pyfmt.FormatInt(&x.v, s, "int")
		if err != nil {
			return Null, fmtErr(err)
		}
		return StrValue(r), nil
	case floatTag:
		if spec == "" {
			return StrValue(floatRepr(v.AsFloat())), nil
		}
		s, err := parseSpec(spec)
		if err != nil {
			return Null, err
		}
		r, err := pyfmt.FormatFloat(v.AsFloat(), s, "float")
		if err != nil {
			return Null, fmtErr(err)
		}
		return StrValue(r), nil
	case noneTag:
		if spec == "" {
			return StrValue("None"), nil
		}
	}
	typ := v.Type()
	m := typ.Lookup(strFormat)
	if d, ok := m.o.(*MethodDescr); ok || m.o == nil {
		if m.o == nil || d.owner == ObjectType {
			return t.objectFormat(v, spec)
		}
		if _, sub := v.o.(*Instance); sub && spec == "" {
			// int/float/str.__format__ of a subclass with an empty spec is
			// str(v), which a subclass's __str__ may change
			return t.StrValueOf(v)
		}
		return d.fn(t, unwrapSelf(v), []Value{StrValue(spec)}, nil)
	}
	r, err := t.callMethodValue(m, v, []Value{StrValue(spec)})
	if err != nil {
		return Null, err
	}
	if _, ok := r.o.(*Str); !ok {
		return Null, Errorf(TypeErrorType, "__format__ must return a str, not %s", r.Type().Name)
	}
	return r, nil
}

// objectFormat is object.__format__: str(v) for an empty spec.
func (t *Thread) objectFormat(v Value, spec string) (Value, error) {
	if spec != "" {
		return Null, Errorf(TypeErrorType, "unsupported format string passed to %s.__format__", v.Type().Name)
	}
	return t.StrValueOf(v)
}

// ------------------------------------------------------------ % formatting

// pctValue adapts a VM value to pyfmt.Value.
type pctValue struct {
	t *Thread
	v Value
	// bytes mode: str() of bytes is their latin-1 text; other objects
	// need __bytes__ (str is refused)
	bytesMode bool
}

func (p *pctValue) TypeName() string { return p.v.Type().Name }

func (p *pctValue) Str() (string, error) {
	if p.bytesMode {
		switch x := p.v.o.(type) {
		case *Bytes:
			return latin1String(x.b), nil
		case *ByteArray:
			return latin1String(x.b), nil
		}
		if m := p.v.Type().LookupString("__bytes__"); m.o != nil {
			r, err := p.t.callMethodValue(m, p.v, nil)
			if err != nil {
				return "", err
			}
			if b, ok := r.o.(*Bytes); ok {
				return latin1String(b.b), nil
			}
			return "", Errorf(TypeErrorType, "__bytes__ returned non-bytes (type %s)", r.Type().Name)
		}
		return "", Errorf(TypeErrorType, "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", p.v.Type().Name)
	}
	return p.t.Str(p.v)
}

func (p *pctValue) Repr() (string, error) {
	s, err := p.t.Repr(p.v)
	if err != nil {
		return "", err
	}
	if p.bytesMode {
		return pyfmt.ASCIIEscape(s), nil
	}
	return s, nil
}

func (p *pctValue) Int(index bool) (int64, *big.Int, bool, error) {
	t, v := p.t, p.v
	if v.IsFloat() {
		if index {
			return 0, nil, false, nil
		}
		s, b, err := pyfmt.FloatToInt(v.AsFloat())
		return s, b, err == nil, fmtErr(err)
	}
	if _, ok := v.o.(*Instance); ok {
		if !index {
			if r, ok, err := t.callSpecial(v, Intern("__int__")); ok {
				if err != nil {
					return 0, nil, false, err
				}
				return intParts(r)
			}
		}
		if r, ok, err := t.callSpecial(v, strIndexM); ok {
			if err != nil {
				return 0, nil, false, err
			}
			return intParts(r)
		}
	}
	return intParts(v)
}

func intParts(v Value) (int64, *big.Int, bool, error) {
	switch x := v.o.(type) {
	case intTag, boolTag:
		return v.AsInt(), nil, true, nil
	case *BigInt:
		return 0, &x.v, true, nil
	}
	return 0, nil, false, nil
}

func (p *pctValue) Float() (float64, bool, error) {
	t, v := p.t, p.v
	if f, ok := toFloat(v); ok {
		return f, true, nil
	}
	if _, ok := v.o.(*Instance); ok {
		if r, ok, err := t.callSpecial(v, Intern("__float__")); ok {
			if err != nil {
				return 0, false, err
			}
			if !r.IsFloat() {
				return 0, false, Errorf(TypeErrorType, "%s.__float__ returned non-float (type %s)", v.Type().Name, r.Type().Name)
			}
			return r.AsFloat(), true, nil
		}
		if r, ok, err := t.callSpecial(v, strIndexM); ok {
			if err != nil {
				return 0, false, err
			}
			f, ok := toFloat(r)
			return f, ok, nil
		}
	}
	return 0, false, nil
}

// StrData serves %c: in bytes mode a bytes object of length 1 is a char.
func (p *pctValue) StrData() (string, bool) {
	if p.bytesMode {
		if b, ok := bytesData(p.v); ok && len(b) == 1 {
			return latin1String(b), true
		}
	}
	return "", false
}

// pctArg converts a value to what pyfmt.Percent accepts.
func (t *Thread) pctArg(v Value, bytesMode bool) any {
	switch x := v.o.(type) {
	case intTag:
		return v.AsInt()
	case boolTag:
		return v.n != 0
	case floatTag:
		return v.AsFloat()
	case *BigInt:
		return &x.v
	case *Str:
		if !bytesMode {
			return x.s
		}
	}
	return &pctValue{t: t, v: v, bytesMode: bytesMode}
}

// pctArgs is the right operand of %.
type pctArgs struct {
	t         *Thread
	items     []any // tuple operand
	single    any
	obj       Value
	isTuple   bool
	mapping   bool
	bytesMode bool
}

func (a *pctArgs) Len() int {
	if a.isTuple {
		return len(a.items)
	}
	return -1
}

func (a *pctArgs) Arg(i int) any {
	if a.isTuple {
		return a.items[i]
	}
	return a.single
}

func (a *pctArgs) IsMapping() bool { return a.mapping }

func (a *pctArgs) Key(name string) (any, error) {
	var k Value
	if a.bytesMode {
		k = Obj(NewBytes(latin1Bytes(name)))
	} else {
		k = StrValue(name)
	}
	v, err := a.t.GetItem(a.obj, k)
	if err != nil {
		return nil, err
	}
	return a.t.pctArg(v, a.bytesMode), nil
}

func (t *Thread) makePctArgs(args Value, bytesMode bool) *pctArgs {
	a := &pctArgs{t: t, obj: args, bytesMode: bytesMode}
	switch x := args.o.(type) {
	case *Tuple:
		a.isTuple = true
		a.items = make([]any, len(x.items))
		for i, it := range x.items {
			a.items[i] = t.pctArg(it, bytesMode)
		}
		return a
	case *Str:
	case *Dict, *List, *Bytes, *ByteArray, *Range:
		a.mapping = true
	case *Instance:
		a.mapping = args.Type().Lookup(strGetitem).o != nil
	}
	a.single = t.pctArg(args, bytesMode)
	return a
}

// percentFormat is str % args.
func (t *Thread) percentFormat(s string, args Value) (Value, error) {
	r, err := pyfmt.Percent(s, t.makePctArgs(args, false))
	if err != nil {
		return Null, fmtErr(err)
	}
	return StrValue(r), nil
}

// bytesPercentFormat is bytes % args: the format and bytes arguments are
// handled as latin-1 text by pyfmt.Percent; %b is %s.
func (t *Thread) bytesPercentFormat(b []byte, args Value) (Value, error) {
	f := []byte(latin1String(b))
	// turn %b conversions into %s
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		j := i + 1
		if j < len(f) && f[j] == '%' {
			i = j
			continue
		}
		if j < len(f) && f[j] == '(' {
			depth := 1
			j++
			for j < len(f) && depth > 0 {
				if f[j] == '(' {
					depth++
				} else if f[j] == ')' {
					depth--
				}
				j++
			}
		}
		for j < len(f) && strings.IndexByte("-+ #0123456789.*hlL", f[j]) >= 0 {
			j++
		}
		if j < len(f) && f[j] == 'b' {
			f[j] = 's'
		}
		i = j
	}
	r, err := pyfmt.Percent(string(f), t.makePctArgs(args, true))
	if err != nil {
		if e, ok := err.(*pyfmt.Error); ok && strings.HasPrefix(e.Msg, "not all arguments converted during string") {
			return Null, Errorf(TypeErrorType, "not all arguments converted during bytes formatting")
		}
		return Null, fmtErr(err)
	}
	return Obj(NewBytes(latin1Bytes(r))), nil
}

// latin1String maps each byte to the code point of the same value.
func latin1String(b []byte) string {
	ascii := true
	for _, c := range b {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return string(b)
	}
	var sb strings.Builder
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

// latin1Bytes is the inverse of latin1String (code points above 255 are
// kept as UTF-8).
func latin1Bytes(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		if r < 256 {
			out = append(out, byte(r))
		} else {
			out = append(out, string(r)...)
		}
	}
	return out
}

// ------------------------------------------------------------ str.format

// strFormatOps implements pyfmt.StrFormatOps for str.format/format_map.
type strFormatOps struct {
	t       *Thread
	args    []Value
	kwNames []*Str
	kwVals  []Value
	mapping Value // format_map
	isMap   bool
}

func (o *strFormatOps) Positional(i int) (any, error) {
	if o.isMap {
		return nil, Errorf(ValueErrorType, "Format string contains positional fields")
	}
	if i >= len(o.args) {
		return nil, fmtErr(pyfmt.ReplacementIndexError(i))
	}
	return o.args[i], nil
}

func (o *strFormatOps) Keyword(name string) (any, error) {
	if o.isMap {
		return o.t.GetItem(o.mapping, StrValue(name))
	}
	for i, k := range o.kwNames {
		if k.s == name {
			return o.kwVals[i], nil
		}
	}
	return nil, NewException(KeyErrorType, StrValue(name))
}

func (o *strFormatOps) GetAttr(obj any, name string) (any, error) {
	return o.t.GetAttr(obj.(Value), Intern(name))
}

func (o *strFormatOps) GetItem(obj any, key any) (any, error) {
	var k Value
	switch x := key.(type) {
	case int:
		k = Int(int64(x))
	case string:
		k = StrValue(x)
	}
	return o.t.GetItem(obj.(Value), k)
}

func (o *strFormatOps) Str(obj any) (string, error)  { return o.t.Str(obj.(Value)) }
func (o *strFormatOps) Repr(obj any) (string, error) { return o.t.Repr(obj.(Value)) }

func (o *strFormatOps) Format(obj any, spec string) (string, error) {
	r, err := o.t.format(obj.(Value), spec)
	if err != nil {
		return "", err
	}
	return r.o.(*Str).s, nil
}

// strFormat is str.format(*args, **kwargs) (the last len(kw) args are the
// keyword values).
func (t *Thread) strFormat(s string, args []Value, kw []*Str) (Value, error) {
	if strings.IndexByte(s, '{') < 0 && strings.IndexByte(s, '}') < 0 {
		return StrValue(s), nil
	}
	npos := len(args) - len(kw)
	ops := &strFormatOps{t: t, args: args[:npos], kwNames: kw, kwVals: args[npos:]}
	r, err := pyfmt.StrFormat(s, ops)
	if err != nil {
		return Null, fmtErr(err)
	}
	return StrValue(r), nil
}

// strFormatMap is str.format_map(mapping).
func (t *Thread) strFormatMap(s string, mapping Value) (Value, error) {
	ops := &strFormatOps{t: t, mapping: mapping, isMap: true}
	r, err := pyfmt.StrFormat(s, ops)
	if err != nil {
		return Null, fmtErr(err)
	}
	return StrValue(r), nil
}
