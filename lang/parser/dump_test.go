// dump_test.go holds the AST dumper shared by the parser tests: a compact,
// deterministic text form of a tree that testdata/gen_golden.py reproduces
// from CPython's ast module.

package parser

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strings"

	"yflow/lang/ast"
)

// dump renders a node (or a slice of nodes) as text.
func dump(v any) string {
	var b strings.Builder
	dumpValue(&b, reflect.ValueOf(v))
	return b.String()
}

func quoteStr(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r >= 0x20 && r < 0x7f && r != '"' && r != '\\' {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "\\u{%x}", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func fmtFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	return fmt.Sprintf("%.17g", f)
}

func dumpConst(b *strings.Builder, v any) {
	switch v := v.(type) {
	case nil:
		b.WriteString("None")
	case bool:
		if v {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
	case *big.Int:
		b.WriteString(v.String())
	case float64:
		b.WriteString(fmtFloat(v))
	case complex128:
		b.WriteString(fmtFloat(imag(v)) + "j")
	case string:
		b.WriteString(quoteStr(v))
	case ast.Bytes:
		b.WriteString("b")
		var sb strings.Builder
		for _, c := range v {
			sb.WriteRune(rune(c))
		}
		b.WriteString(quoteStr(sb.String()))
	case ast.EllipsisType:
		b.WriteString("Ellipsis")
	default:
		fmt.Fprintf(b, "?%T", v)
	}
}

var posType = reflect.TypeOf(ast.Pos{})

func dumpValue(b *strings.Builder, v reflect.Value) {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		dumpValue(b, v.Elem())
		return
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		if c, ok := v.Interface().(*ast.Constant); ok {
			fmt.Fprintf(b, "Constant@%d:%d(", c.Line, c.Col)
			dumpConst(b, c.Value)
			b.WriteString(")")
			return
		}
		dumpValue(b, v.Elem())
		return
	case reflect.Slice:
		b.WriteString("[")
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			dumpValue(b, v.Index(i))
		}
		b.WriteString("]")
		return
	case reflect.String:
		b.WriteString(quoteStr(v.String()))
		return
	case reflect.Struct:
		t := v.Type()
		b.WriteString(t.Name())
		first := true
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			fv := v.Field(i)
			if f.Type == posType {
				if t.Name() != "Comprehension" {
					p := fv.Interface().(ast.Pos)
					fmt.Fprintf(b, "@%d:%d", p.Line, p.Col)
				}
				continue
			}
			if fv.IsZero() || (fv.Kind() == reflect.Slice && fv.Len() == 0) {
				continue
			}
			if first {
				b.WriteString("(")
				first = false
			} else {
				b.WriteString(", ")
			}
			b.WriteString(f.Name + "=")
			switch x := fv.Interface().(type) {
			case ast.Op:
				b.WriteString(quoteStr(x.String()))
			case []ast.Op:
				b.WriteString("[")
				for j, op := range x {
					if j > 0 {
						b.WriteString(", ")
					}
					b.WriteString(quoteStr(op.String()))
				}
				b.WriteString("]")
			case string:
				b.WriteString(quoteStr(x))
			case rune:
				b.WriteString(quoteStr(string(x)))
			case bool:
				b.WriteString("True")
			case int:
				fmt.Fprint(b, x)
			default:
				dumpValue(b, fv)
			}
		}
		if !first {
			b.WriteString(")")
		}
		return
	}
	fmt.Fprintf(b, "?%v", v.Kind())
}
