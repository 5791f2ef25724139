// union.go implements types.UnionType, what `int | None` makes (PEP 604):
// the flattened, de-duplicated alternatives, usable with isinstance and
// issubclass, printed as "int | None".

package vm

import "strings"

// Union is an `X | Y` type expression.
type Union struct {
	args []Value
}

// UnionType is types.UnionType.
var UnionType *Type

// Type implements Object.
func (*Union) Type() *Type { return UnionType }

// unionable reports whether v may be an operand of a type union: a class,
// None, a generic alias or another union.
func unionable(v Value) bool {
	switch v.o.(type) {
	case *Type, *GenericAlias, *Union:
		return true
	}
	return v.IsNone()
}

// makeUnion is a | b, or NotImplemented when either is not unionable. A
// union of one alternative is that alternative.
func makeUnion(a, b Value) Value {
	if !unionable(a) || !unionable(b) {
		return NotImplemented
	}
	var args []Value
	add := func(v Value) {
		if v.IsNone() {
			v = Obj(NoneType)
		}
		for _, x := range args {
			if x.o == v.o {
				return
			}
		}
		args = append(args, v)
	}
	for _, v := range []Value{a, b} {
		if u, ok := v.o.(*Union); ok {
			for _, x := range u.args {
				add(x)
			}
		} else {
			add(v)
		}
	}
	if len(args) == 1 {
		return args[0]
	}
	return Obj(&Union{args: args})
}

// unionArgRepr is how an alternative prints inside a union.
func (t *Thread) unionArgRepr(v Value) (string, error) {
	if c, ok := v.o.(*Type); ok {
		if c == NoneType {
			return "None", nil
		}
		return qualifiedName(c), nil
	}
	return t.Repr(v)
}

func setupUnionType() {
	UnionType = newBuiltinType("UnionType", ObjectType)
	UnionType.Module = "types"
	or := func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("__or__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		return makeUnion(self, args[0]), nil
	}
	ror := func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("__ror__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		return makeUnion(args[0], self), nil
	}
	for _, typ := range []*Type{UnionType, TypeType, genericAliasType} {
		addMethod(typ, "__or__", or)
		addMethod(typ, "__ror__", ror)
	}
	addMethod(UnionType, "__repr__", func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		u := self.o.(*Union)
		parts := make([]string, len(u.args))
		for i, a := range u.args {
			s, err := t.unionArgRepr(a)
			if err != nil {
				return Null, err
			}
			parts[i] = s
		}
		return StrValue(strings.Join(parts, " | ")), nil
	})
	UnionType.attr = func(t *Thread, o Value, name string) (Value, bool, error) {
		if name == "__args__" {
			return Obj(NewTuple(append([]Value(nil), o.o.(*Union).args...))), true, nil
		}
		return Null, false, nil
	}
}

// sameAlternatives is union equality: the same alternatives in any order.
func (u *Union) sameAlternatives(o *Union) bool {
	if len(o.args) != len(u.args) {
		return false
	}
	for _, a := range u.args {
		found := false
		for _, b := range o.args {
			if a.o == b.o {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// hash does not depend on the order of the alternatives.
func (t *Thread) unionHash(u *Union) (int64, error) {
	var h int64
	for _, a := range u.args {
		x, err := t.Hash(a)
		if err != nil {
			return 0, err
		}
		h ^= x*0x5bd1e995 + 0x27d4eb2d
	}
	if h == -1 {
		h = -2
	}
	return h, nil
}
