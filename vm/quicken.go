// quicken.go rewrites a code object's instructions, once, into the VM's own
// copy with superinstructions for common pairs (LOAD_FAST+LOAD_CONST,
// LOAD_CONST+BINARY_OP, ...). A superinstruction replaces the first
// instruction of its pair only and skips the second, which stays in place,
// so jumps into the middle of a pair, the exception table and the line
// table all keep working unchanged.

package vm

import "yflow/lang/compiler"

// VM-private opcodes, numbered after the compiler's.
const (
	opLoadFastLoadFast  = compiler.BEFORE_ASYNC_WITH + 1 + iota // (a | b<<12) -> local a, local b
	opLoadFastLoadConst                                         // (a | k<<12) -> local a, const k
	opBinaryOpConst                                             // (op | k<<5) x -> x op const k
	opCompareOpConst                                            // (op | k<<5) x -> x op const k
	opStoreFastLoadFast                                         // (a | b<<12) x -> ; store a, load b
	opFastConstBinary                                           // (a | k<<8 | op<<19) -> local a op const k
	opFastConstCompare                                          // (a | k<<8 | op<<19) -> local a op const k [and jump]
	opIsNoneJump                                                // (target | isnot<<22 | ifTrue<<23) x -> ; x is [not] None, then jump
)

// quicken returns the specialised instruction stream for c.
func quicken(c *compiler.Code) []uint32 {
	in := c.Instrs
	out := make([]uint32, len(in))
	copy(out, in)
	for i := 0; i+1 < len(in); i++ {
		op, a := compiler.DecodeInstr(in[i])
		op2, b := compiler.DecodeInstr(in[i+1])
		if op == compiler.LOAD_FAST && op2 == compiler.LOAD_CONST && a < 256 && b < 2048 && i+2 < len(in) {
			op3, c3 := compiler.DecodeInstr(in[i+2])
			if op3 == compiler.BINARY_OP && c3 < 32 {
				out[i] = compiler.MakeInstr(opFastConstBinary, a|b<<8|c3<<19)
				out[i+1] = compiler.MakeInstr(opBinaryOpConst, c3|b<<5)
				i++
				continue
			}
			if op3 == compiler.COMPARE_OP && c3 < 32 {
				out[i] = compiler.MakeInstr(opFastConstCompare, a|b<<8|c3<<19)
				out[i+1] = compiler.MakeInstr(opCompareOpConst, c3|b<<5)
				i++
				continue
			}
		}
		if op == compiler.LOAD_CONST && c.Consts[a] == nil && op2 == compiler.IS_OP && i+2 < len(in) {
			op3, t3 := compiler.DecodeInstr(in[i+2])
			if (op3 == compiler.POP_JUMP_IF_FALSE || op3 == compiler.POP_JUMP_IF_TRUE) && t3 < 1<<22 {
				ifTrue := uint32(0)
				if op3 == compiler.POP_JUMP_IF_TRUE {
					ifTrue = 1
				}
				out[i] = compiler.MakeInstr(opIsNoneJump, t3|b<<22|ifTrue<<23)
				i += 2
				continue
			}
		}
		switch {
		case op == compiler.LOAD_CONST && op2 == compiler.BINARY_OP && a < 1<<19:
			out[i] = compiler.MakeInstr(opBinaryOpConst, b|a<<5)
		case op == compiler.LOAD_CONST && op2 == compiler.COMPARE_OP && a < 1<<19:
			out[i] = compiler.MakeInstr(opCompareOpConst, b|a<<5)
		case op == compiler.LOAD_FAST && op2 == compiler.LOAD_FAST && a < 4096 && b < 4096:
			out[i] = compiler.MakeInstr(opLoadFastLoadFast, a|b<<12)
		case op == compiler.LOAD_FAST && op2 == compiler.LOAD_CONST && a < 4096 && b < 4096:
			// leave LOAD_CONST+BINARY_OP/COMPARE_OP to fuse instead
			if i+2 < len(in) {
				op3, _ := compiler.DecodeInstr(in[i+2])
				if op3 == compiler.BINARY_OP || op3 == compiler.COMPARE_OP {
					continue
				}
			}
			out[i] = compiler.MakeInstr(opLoadFastLoadConst, a|b<<12)
		case op == compiler.STORE_FAST && op2 == compiler.LOAD_FAST && a < 4096 && b < 4096:
			out[i] = compiler.MakeInstr(opStoreFastLoadFast, a|b<<12)
		}
	}
	return out
}

// intBinaryFast computes op on two small ints when the result needs no
// big int and no error; ok is false otherwise.
func intBinaryFast(op compiler.BinaryOp, x, y int64) (int64, bool) {
	switch op {
	case compiler.BinAdd, compiler.BinAdd + compiler.InplaceOffset:
		r := x + y
		return r, (x^r)&(y^r) >= 0
	case compiler.BinSub, compiler.BinSub + compiler.InplaceOffset:
		r := x - y
		return r, (x^y)&(x^r) >= 0
	case compiler.BinMul, compiler.BinMul + compiler.InplaceOffset:
		if x > -(1<<31) && x < 1<<31 && y > -(1<<31) && y < 1<<31 {
			return x * y, true
		}
	case compiler.BinMod, compiler.BinMod + compiler.InplaceOffset:
		if y > 0 && x >= 0 {
			return x % y, true
		}
	case compiler.BinFloorDiv, compiler.BinFloorDiv + compiler.InplaceOffset:
		if y > 0 && x >= 0 {
			return x / y, true
		}
	case compiler.BinAnd, compiler.BinAnd + compiler.InplaceOffset:
		return x & y, true
	case compiler.BinOr, compiler.BinOr + compiler.InplaceOffset:
		return x | y, true
	case compiler.BinXor, compiler.BinXor + compiler.InplaceOffset:
		return x ^ y, true
	case compiler.BinRShift, compiler.BinRShift + compiler.InplaceOffset:
		if y >= 0 {
			if y > 63 {
				y = 63
			}
			return x >> uint(y), true
		}
	case compiler.BinLShift, compiler.BinLShift + compiler.InplaceOffset:
		if y >= 0 && y < 62 && x > -(1<<(62-y)) && x < 1<<(62-y) {
			return x << uint(y), true
		}
	}
	return 0, false
}

// floatBinaryFast computes op on two floats when no error is possible.
func floatBinaryFast(op compiler.BinaryOp, x, y float64) (float64, bool) {
	switch op {
	case compiler.BinAdd, compiler.BinAdd + compiler.InplaceOffset:
		return x + y, true
	case compiler.BinSub, compiler.BinSub + compiler.InplaceOffset:
		return x - y, true
	case compiler.BinMul, compiler.BinMul + compiler.InplaceOffset:
		return x * y, true
	case compiler.BinTrueDiv, compiler.BinTrueDiv + compiler.InplaceOffset:
		if y != 0 {
			return x / y, true
		}
	}
	return 0, false
}

// cmpInt64Op evaluates a comparison of two small ints.
func cmpInt64Op(op compiler.CompareOp, x, y int64) bool {
	switch op {
	case compiler.CmpLt:
		return x < y
	case compiler.CmpLe:
		return x <= y
	case compiler.CmpEq:
		return x == y
	case compiler.CmpNe:
		return x != y
	case compiler.CmpGt:
		return x > y
	}
	return x >= y
}
