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
	opLoadFastLoadFast  = compiler.POP_ITER + 1 + iota // (a | b<<12) -> local a, local b
	opLoadFastLoadConst                                // (a | k<<12) -> local a, const k
	opBinaryOpConst                                    // (op | k<<5) x -> x op const k
	opCompareOpConst                                   // (op | k<<5) x -> x op const k
	opStoreFastLoadFast                                // (a | b<<12) x -> ; store a, load b
	opFastConstBinary                                  // (a | k<<8 | op<<19) -> local a op const k
	opFastConstCompare                                 // (a | k<<8 | op<<19) -> local a op const k [and jump]
	opIsNoneJump                                       // (target | isnot<<22 | ifTrue<<23) x -> ; x is [not] None, then jump
	opFastFastBinary                                   // (a | b<<8 | op<<16) -> local a op local b
	opLoadFastYield                                    // (a) -> ; yield local a
	opJumpForIter                                      // (target) -> ; jump to the FOR_ITER at target and run it
	opFastFastCompare                                  // (a | b<<8 | op<<16) -> local a op local b [and jump]
	opMoveFast                                         // (a | b<<12) -> ; local b = local a
	opFastCompare                                      // (a | op<<16) x -> x op local a [and jump]
	opFastIsNoneJump                                   // (a | isnot<<8 | ifTrue<<9 | target<<10) -> ; local a is [not] None, then jump
)

// threadJumps returns a copy of in where a jump whose target is an
// unconditional JUMP goes straight to that JUMP's target (a for loop's
// `if` that skips the rest of the body lands on its FOR_ITER directly).
func threadJumps(in []uint32) []uint32 {
	out := make([]uint32, len(in))
	copy(out, in)
	for i, ins := range in {
		op, target := compiler.DecodeInstr(ins)
		switch op {
		case compiler.JUMP, compiler.POP_JUMP_IF_FALSE, compiler.POP_JUMP_IF_TRUE,
			compiler.POP_JUMP_IF_NONE, compiler.POP_JUMP_IF_NOT_NONE:
		default:
			continue
		}
		for hops := 0; hops < 4 && int(target) < len(in); hops++ {
			op2, t2 := compiler.DecodeInstr(in[target])
			if op2 != compiler.JUMP || t2 == target {
				break
			}
			target = t2
		}
		out[i] = compiler.MakeInstr(op, target)
	}
	return out
}

// quicken returns the specialised instruction stream for c.
func quicken(c *compiler.Code) []uint32 {
	in := threadJumps(c.Instrs)
	out := make([]uint32, len(in))
	copy(out, in)
	for i, ins := range in {
		// a loop's closing JUMP runs the FOR_ITER it jumps to itself
		if op, target := compiler.DecodeInstr(ins); op == compiler.JUMP && int(target) < len(in) {
			if op2, _ := compiler.DecodeInstr(in[target]); op2 == compiler.FOR_ITER {
				out[i] = compiler.MakeInstr(opJumpForIter, target)
			}
		}
	}
	for i := 0; i+1 < len(in); i++ {
		op, a := compiler.DecodeInstr(in[i])
		op2, b := compiler.DecodeInstr(in[i+1])
		if op == compiler.LOAD_FAST && op2 == compiler.LOAD_FAST && a < 256 && b < 256 && i+2 < len(in) {
			if op3, c3 := compiler.DecodeInstr(in[i+2]); op3 == compiler.BINARY_OP && c3 < 256 {
				out[i] = compiler.MakeInstr(opFastFastBinary, a|b<<8|c3<<16)
				i++
				continue
			} else if op3 == compiler.COMPARE_OP && c3 < 256 {
				out[i] = compiler.MakeInstr(opFastFastCompare, a|b<<8|c3<<16)
				i++
				continue
			}
		}
		if op == compiler.LOAD_FAST && a < 256 && op2 == compiler.LOAD_CONST && c.Consts[b] == nil && i+3 < len(in) {
			op3, isnot := compiler.DecodeInstr(in[i+2])
			op4, t4 := compiler.DecodeInstr(in[i+3])
			if op3 == compiler.IS_OP && (op4 == compiler.POP_JUMP_IF_FALSE || op4 == compiler.POP_JUMP_IF_TRUE) && t4 < 1<<14 {
				ifTrue := uint32(0)
				if op4 == compiler.POP_JUMP_IF_TRUE {
					ifTrue = 1
				}
				out[i] = compiler.MakeInstr(opFastIsNoneJump, a|isnot<<8|ifTrue<<9|t4<<10)
				i += 3
				continue
			}
		}
		if op == compiler.LOAD_FAST && op2 == compiler.YIELD_VALUE {
			out[i] = compiler.MakeInstr(opLoadFastYield, a)
			i++
			continue
		}
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
		case op == compiler.LOAD_FAST && op2 == compiler.STORE_FAST && a < 4096 && b < 4096:
			out[i] = compiler.MakeInstr(opMoveFast, a|b<<12)
		case op == compiler.LOAD_FAST && op2 == compiler.COMPARE_OP && a < 1<<16 && b < 256:
			out[i] = compiler.MakeInstr(opFastCompare, a|b<<16)
		case op == compiler.LOAD_FAST && op2 == compiler.LOAD_CONST && a < 4096 && b < 4096:
			// leave LOAD_CONST+BINARY_OP/COMPARE_OP and the None test to
			// fuse instead
			if i+2 < len(in) {
				op3, _ := compiler.DecodeInstr(in[i+2])
				if op3 == compiler.BINARY_OP || op3 == compiler.COMPARE_OP ||
					op3 == compiler.IS_OP && c.Consts[b] == nil {
					continue
				}
			}
			out[i] = compiler.MakeInstr(opLoadFastLoadConst, a|b<<12)
		case op == compiler.STORE_FAST && op2 == compiler.LOAD_FAST && a < 4096 && b < 4096:
			if i > 0 && compiler.Opcode(in[i-1]&0xff) == compiler.FOR_ITER || fusesAt(in, i+1) {
				// FOR_ITER stores its item itself; or the load is better
				// fused with what follows it
				continue
			}
			out[i] = compiler.MakeInstr(opStoreFastLoadFast, a|b<<12)
		}
	}
	return out
}

// fusesAt reports whether in[i] begins one of the LOAD_FAST fusions that
// the quickener prefers to a STORE_FAST+LOAD_FAST pair.
func fusesAt(in []uint32, i int) bool {
	if i+1 >= len(in) || compiler.Opcode(in[i]&0xff) != compiler.LOAD_FAST {
		return false
	}
	op2 := compiler.Opcode(in[i+1] & 0xff)
	if op2 == compiler.YIELD_VALUE {
		return true
	}
	if i+2 >= len(in) || op2 != compiler.LOAD_FAST && op2 != compiler.LOAD_CONST {
		return false
	}
	op3 := compiler.Opcode(in[i+2] & 0xff)
	return op3 == compiler.BINARY_OP || op3 == compiler.COMPARE_OP
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
