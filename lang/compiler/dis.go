// dis.go is the disassembler: a readable listing of a Code object and,
// after it, of every code object nested in its constants (like
// `python -m dis`). `yflow dis FILE` prints it.

package compiler

import (
	"fmt"
	"io"
	"math"
	"math/big"
	"strconv"
	"strings"

	"yflow/lang/ast"
)

// Disassemble writes a listing of c and of the code objects nested in it.
func Disassemble(w io.Writer, c *Code) {
	if c == nil {
		return
	}
	disassemble(w, c)
	for _, k := range c.Consts {
		if sub, ok := k.(*Code); ok {
			fmt.Fprintln(w)
			Disassemble(w, sub)
		}
	}
}

var binOpNames = [...]string{
	BinAdd: "+", BinSub: "-", BinMul: "*", BinMatMul: "@", BinTrueDiv: "/", BinFloorDiv: "//",
	BinMod: "%", BinPow: "**", BinLShift: "<<", BinRShift: ">>", BinAnd: "&", BinOr: "|", BinXor: "^",
}

var cmpOpNames = [...]string{CmpLt: "<", CmpLe: "<=", CmpEq: "==", CmpNe: "!=", CmpGt: ">", CmpGe: ">="}

var unaryOpNames = [...]string{UnaryNeg: "-", UnaryPos: "+", UnaryNot: "not", UnaryInvert: "~"}

func flagNames(f Flags) string {
	names := []string{"VARARGS", "VARKEYWORDS", "GENERATOR", "COROUTINE", "ASYNC_GENERATOR",
		"CLASS_BODY", "MODULE", "COMPREHENSION", "LAMBDA", "NESTED"}
	var out []string
	for i, n := range names {
		if f&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return "0"
	}
	return strings.Join(out, ", ")
}

func disassemble(w io.Writer, c *Code) {
	fmt.Fprintf(w, "Disassembly of %s (%s, %s line %d):\n", c.Name, c.QualName, c.Filename, c.FirstLine)
	fmt.Fprintf(w, "  flags: %s\n", flagNames(c.Flags))
	fmt.Fprintf(w, "  args: %d (posonly %d, kwonly %d), stacksize %d\n", c.ArgCount, c.PosOnlyCount, c.KwOnlyCount, c.StackSize)
	if len(c.VarNames) > 0 {
		fmt.Fprintf(w, "  varnames: %s\n", strings.Join(c.VarNames, ", "))
	}
	if len(c.CellVars) > 0 {
		fmt.Fprintf(w, "  cellvars: %s\n", strings.Join(c.CellVars, ", "))
	}
	if len(c.FreeVars) > 0 {
		fmt.Fprintf(w, "  freevars: %s\n", strings.Join(c.FreeVars, ", "))
	}
	targets := map[int]bool{}
	for _, ins := range c.Instrs {
		if op, arg := DecodeInstr(ins); isJump(op) {
			targets[int(arg)] = true
		}
	}
	for _, e := range c.ExcTable {
		targets[int(e.Target)] = true
	}
	lastLine := int32(-1)
	for pc, ins := range c.Instrs {
		op, arg := DecodeInstr(ins)
		line := "    "
		if pc < len(c.Lines) && c.Lines[pc] != lastLine {
			lastLine = c.Lines[pc]
			line = fmt.Sprintf("%4d", lastLine)
		}
		mark := "  "
		if targets[pc] {
			mark = ">>"
		}
		s := fmt.Sprintf("%s %s %4d %-20s", line, mark, pc, op)
		if hasArg(op) || (op == GET_ITER || op == GET_AITER) && arg != 0 {
			s += fmt.Sprintf(" %4d", arg)
			if m := argMeaning(c, op, arg); m != "" {
				s += " (" + m + ")"
			}
		}
		fmt.Fprintln(w, strings.TrimRight(s, " "))
	}
	if len(c.ExcTable) > 0 {
		fmt.Fprintln(w, "  ExceptionTable:")
		for _, e := range c.ExcTable {
			fmt.Fprintf(w, "    %d to %d -> %d [%d]\n", e.Start, e.End-1, e.Target, e.Depth)
		}
	}
}

func hasArg(op Opcode) bool {
	switch op {
	case NOP, POP_TOP, LOAD_BUILD_CLASS, LOAD_ASSERTION_ERROR, BINARY_SUBSCR, STORE_SUBSCR,
		DELETE_SUBSCR, GET_ITER, RETURN_VALUE, LIST_TO_TUPLE, IMPORT_STAR, PRINT_EXPR,
		RERAISE, PUSH_EXC_INFO, POP_EXCEPT, CHECK_EXC_MATCH, BEFORE_WITH, WITH_EXCEPT_START,
		YIELD_VALUE, GET_YIELD_FROM_ITER, YIELD_FROM, GET_AWAITABLE, GET_AITER, GET_ANEXT,
		END_ASYNC_FOR, BEFORE_ASYNC_WITH, POP_ITER:
		return false
	}
	return true
}

func cellName(c *Code, i uint32) string {
	n := int(i)
	if n < len(c.CellVars) {
		return c.CellVars[n]
	}
	if n-len(c.CellVars) < len(c.FreeVars) {
		return c.FreeVars[n-len(c.CellVars)]
	}
	return "?"
}

func argMeaning(c *Code, op Opcode, arg uint32) string {
	idx := int(arg)
	name := func(list []string) string {
		if idx < len(list) {
			if list[idx] == "" {
				return "''"
			}
			return list[idx]
		}
		return "?"
	}
	switch op {
	case LOAD_CONST:
		if idx < len(c.Consts) {
			return Repr(c.Consts[idx])
		}
		return "?"
	case LOAD_FAST, STORE_FAST, DELETE_FAST:
		return name(c.VarNames)
	case LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_CLOSURE, LOAD_CLASSDEREF:
		return cellName(c, arg)
	case LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL, LOAD_NAME, STORE_NAME, DELETE_NAME,
		LOAD_ATTR, STORE_ATTR, DELETE_ATTR, LOAD_METHOD, IMPORT_NAME, IMPORT_FROM:
		return name(c.Names)
	case BINARY_OP:
		b := BinaryOp(arg)
		suffix := ""
		if b >= InplaceOffset {
			b -= InplaceOffset
			suffix = "="
		}
		if int(b) < len(binOpNames) {
			return binOpNames[b] + suffix
		}
	case UNARY_OP:
		if idx < len(unaryOpNames) {
			return unaryOpNames[idx]
		}
	case COMPARE_OP:
		if idx < len(cmpOpNames) {
			return cmpOpNames[idx]
		}
	case IS_OP:
		if arg == 1 {
			return "is not"
		}
		return "is"
	case CONTAINS_OP:
		if arg == 1 {
			return "not in"
		}
		return "in"
	case JUMP, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE,
		JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, FOR_ITER:
		return fmt.Sprintf("to %d", arg)
	case FORMAT_VALUE:
		var parts []string
		switch arg & 3 {
		case 1:
			parts = append(parts, "str")
		case 2:
			parts = append(parts, "repr")
		case 3:
			parts = append(parts, "ascii")
		}
		if arg&4 != 0 {
			parts = append(parts, "with format")
		}
		return strings.Join(parts, ", ")
	case MAKE_FUNCTION:
		var parts []string
		if arg&1 != 0 {
			parts = append(parts, "defaults")
		}
		if arg&2 != 0 {
			parts = append(parts, "kwdefaults")
		}
		if arg&8 != 0 {
			parts = append(parts, "closure")
		}
		return strings.Join(parts, ", ")
	case UNPACK_EX:
		return fmt.Sprintf("%d before, %d after", arg&0xff, arg>>8)
	}
	return ""
}

// Repr returns a Python-style representation of a constant.
func Repr(v any) string {
	switch v := v.(type) {
	case nil:
		return "None"
	case bool:
		if v {
			return "True"
		}
		return "False"
	case int64:
		return strconv.FormatInt(v, 10)
	case *big.Int:
		return v.String()
	case float64:
		return floatRepr(v)
	case complex128:
		if real(v) == 0 && !math.Signbit(real(v)) {
			return floatRepr(imag(v)) + "j"
		}
		im := floatRepr(imag(v))
		if !strings.HasPrefix(im, "-") {
			im = "+" + im
		}
		return "(" + floatRepr(real(v)) + im + "j)"
	case string:
		return strRepr(v)
	case ast.Bytes:
		return "b" + strRepr(string(v))
	case ast.EllipsisType:
		return "Ellipsis"
	case Tuple:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = Repr(x)
		}
		if len(parts) == 1 {
			return "(" + parts[0] + ",)"
		}
		return "(" + strings.Join(parts, ", ") + ")"
	case *Code:
		return fmt.Sprintf("<code object %s, file %q, line %d>", v.Name, v.Filename, v.FirstLine)
	}
	return fmt.Sprintf("%v", v)
}

func floatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e16 {
		return strconv.FormatFloat(f, 'f', 1, 64)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if a := math.Abs(f); a >= 1e16 || a < 1e-4 {
		s = strconv.FormatFloat(f, 'e', -1, 64)
	}
	return s
}

func strRepr(s string) string {
	quote := byte('\'')
	if strings.Contains(s, "'") && !strings.Contains(s, "\"") {
		quote = '"'
	}
	var b strings.Builder
	b.WriteByte(quote)
	for _, r := range s {
		switch {
		case r == rune(quote) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(quote)
	return b.String()
}
