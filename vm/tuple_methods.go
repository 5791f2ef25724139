// tuple_methods.go gives tuple its methods (index, count), its special
// methods callable from Python code, its constructor and its repr.

package vm

import (
	"strings"

	"yflow/lang/compiler"
)

type tupleMethodFn func(t *Thread, tp *Tuple, args []Value, kw []*Str) (Value, error)

func addTupleMethod(name string, fn tupleMethodFn) {
	addMethod(TupleType, name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		tp, ok := self.o.(*Tuple)
		if !ok {
			return Null, descrError(name, TupleType, self)
		}
		return fn(t, tp, args, kw)
	})
}

// tupleRepr is repr(tuple): "(1,)" for one item, "(...)" on recursion.
func (t *Thread) tupleRepr(tp *Tuple) (string, error) {
	if len(tp.items) == 0 {
		return "()", nil
	}
	if !t.reprEnter(tp) {
		return "(...)", nil
	}
	defer t.reprLeave(tp)
	if err := t.enterRecursive(); err != nil {
		return "", err
	}
	defer t.leaveRecursive()
	var b strings.Builder
	b.WriteByte('(')
	for i, it := range tp.items {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := t.Repr(it)
		if err != nil {
			return "", err
		}
		b.WriteString(r)
	}
	if len(tp.items) == 1 {
		b.WriteByte(',')
	}
	b.WriteByte(')')
	return b.String(), nil
}

// TupleItemsOf returns the items of a tuple or of an instance of a
// subclass of tuple (a namedtuple, sys.version_info): stdlib code such as
// json and collections needs them without calling the subclass's methods.
func TupleItemsOf(v Value) ([]Value, bool) {
	if tp, ok := unwrapSelf(v).o.(*Tuple); ok {
		return tp.items, true
	}
	return nil, false
}

// tupleNew is tuple() / tuple(iterable).
func tupleNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	if len(kw) > 0 {
		return Null, Errorf(TypeErrorType, "tuple() takes no keyword arguments")
	}
	if len(args) > 1 {
		return Null, Errorf(TypeErrorType, "tuple expected at most 1 argument, got %d", len(args))
	}
	if len(args) == 0 {
		return Obj(emptyTuple), nil
	}
	if _, ok := args[0].o.(*Tuple); ok {
		return args[0], nil
	}
	items, err := t.ToList(args[0])
	if err != nil {
		return Null, err
	}
	return Obj(NewTuple(items)), nil
}

func setupTupleMethods() {
	setupRangeMethods() // range and slice: no setup hook of their own
	TupleType.new = tupleNew
	addTupleMethod("index", func(t *Thread, tp *Tuple, args []Value, kw []*Str) (Value, error) {
		i, err := t.seqFind(tp.items, "tuple.index", args, kw)
		if err != nil {
			return Null, err
		}
		if i < 0 {
			return Null, Errorf(ValueErrorType, "tuple.index(x): x not in tuple")
		}
		return Int(int64(i)), nil
	})
	addTupleMethod("count", func(t *Thread, tp *Tuple, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("tuple.count", args, kw, 1, 1); err != nil {
			return Null, err
		}
		n, err := t.seqCount(tp.items, args[0])
		return Int(int64(n)), err
	})
	addTupleMethod("__repr__", func(t *Thread, tp *Tuple, args []Value, kw []*Str) (Value, error) {
		r, err := t.tupleRepr(tp)
		return StrValue(r), err
	})
	addTupleMethod("__len__", func(t *Thread, tp *Tuple, args []Value, kw []*Str) (Value, error) {
		return Int(int64(len(tp.items))), nil
	})
	addTupleMethod("__hash__", func(t *Thread, tp *Tuple, args []Value, kw []*Str) (Value, error) {
		h, err := t.hashTuple(tp.items)
		return Int(h), err
	})
	addTupleMethod("__getitem__", func(t *Thread, tp *Tuple, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("tuple.__getitem__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		return t.GetItem(Obj(tp), args[0])
	})
	addTupleMethod("__contains__", func(t *Thread, tp *Tuple, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("tuple.__contains__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		r, err := t.seqContains(tp.items, args[0])
		return Bool(r), err
	})
	addTupleMethod("__iter__", func(t *Thread, tp *Tuple, args []Value, kw []*Str) (Value, error) {
		return Obj(&seqIter{items: tp.items}), nil
	})
	addTupleMethod("__add__", func(t *Thread, tp *Tuple, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("tuple.__add__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		y, ok := args[0].o.(*Tuple)
		if !ok {
			return Null, Errorf(TypeErrorType, "can only concatenate tuple (not \"%s\") to tuple", args[0].Type().Name)
		}
		out := make([]Value, 0, len(tp.items)+len(y.items))
		out = append(append(out, tp.items...), y.items...)
		return Obj(NewTuple(out)), nil
	})
	mul := func(t *Thread, tp *Tuple, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("tuple.__mul__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		n, err := t.Index(args[0])
		if err != nil {
			return Null, err
		}
		if n == 1 {
			return Obj(tp), nil
		}
		return Obj(NewTuple(repeatValues(tp.items, n))), nil
	}
	addTupleMethod("__mul__", mul)
	addTupleMethod("__rmul__", mul)
	tupleItems := func(v Value) ([]Value, bool) {
		if tp, ok := v.o.(*Tuple); ok {
			return tp.items, true
		}
		return nil, false
	}
	for op, name := range cmpNames {
		addMethod(TupleType, name, seqCompareMethod(compiler.CompareOp(op), tupleItems))
	}
}
