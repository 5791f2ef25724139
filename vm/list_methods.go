// list_methods.go gives list its methods (append, extend, insert, pop,
// remove, index, count, sort, reverse, copy, clear), its special methods
// callable from Python code, its constructor and its repr.

package vm

import (
	"strings"

	"yflow/lang/compiler"
)

type listMethodFn func(t *Thread, l *List, args []Value, kw []*Str) (Value, error)

func addListMethod(name string, fn listMethodFn) {
	addMethod(ListType, name, func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		l, ok := self.o.(*List)
		if !ok {
			return Null, descrError(name, ListType, self)
		}
		return fn(t, l, args, kw)
	})
}

// listRepr is repr(list), "[...]" for a list containing itself.
func (t *Thread) listRepr(l *List) (string, error) {
	if len(l.items) == 0 {
		return "[]", nil
	}
	if !t.reprEnter(l) {
		return "[...]", nil
	}
	defer t.reprLeave(l)
	if err := t.enterRecursive(); err != nil {
		return "", err
	}
	defer t.leaveRecursive()
	var b strings.Builder
	b.WriteByte('[')
	// the list may change while its items' reprs run: re-check the length
	for i := 0; i < len(l.items); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := t.Repr(l.items[i])
		if err != nil {
			return "", err
		}
		b.WriteString(r)
	}
	b.WriteByte(']')
	return b.String(), nil
}

// seqFind is index(x[, start[, end]]) over items: the position or -1.
func (t *Thread) seqFind(items []Value, name string, args []Value, kw []*Str) (int, error) {
	if err := checkArgs(name, args, kw, 1, 3); err != nil {
		if len(args) == 0 && len(kw) == 0 {
			return -1, Errorf(TypeErrorType, "index expected at least 1 argument, got 0")
		}
		if len(args) > 3 && len(kw) == 0 {
			return -1, Errorf(TypeErrorType, "index expected at most 3 arguments, got %d", len(args))
		}
		return -1, err
	}
	n := len(items)
	start, stop := 0, n
	var err error
	if len(args) > 1 {
		if start, err = t.clampIndex(args[1], n, 0); err != nil {
			return -1, err
		}
	}
	if len(args) > 2 {
		if stop, err = t.clampIndex(args[2], n, n); err != nil {
			return -1, err
		}
	}
	for i := start; i < stop && i < len(items); i++ {
		eq, err := t.richEq(items[i], args[0])
		if err != nil {
			return -1, err
		}
		if eq {
			return i, nil
		}
	}
	return -1, nil
}

// seqCount is count(x) over items.
func (t *Thread) seqCount(items []Value, x Value) (int, error) {
	n := 0
	for i := 0; i < len(items); i++ {
		eq, err := t.richEq(items[i], x)
		if err != nil {
			return 0, err
		}
		if eq {
			n++
		}
	}
	return n, nil
}

// listNew is list() / list(iterable).
func listNew(t *Thread, cls *Type, args []Value, kw []*Str) (Value, error) {
	if len(kw) > 0 {
		return Null, Errorf(TypeErrorType, "list() takes no keyword arguments")
	}
	if len(args) > 1 {
		return Null, Errorf(TypeErrorType, "list expected at most 1 argument, got %d", len(args))
	}
	if len(args) == 0 {
		return Obj(NewList(nil)), nil
	}
	items, err := t.ToList(args[0])
	if err != nil {
		return Null, err
	}
	return Obj(NewList(items)), nil
}

// seqCompareMethod builds __eq__ .. __ge__ for list and tuple.
func seqCompareMethod(op compiler.CompareOp, items func(Value) ([]Value, bool)) BuiltinFn {
	return func(t *Thread, self Value, args []Value, kw []*Str) (Value, error) {
		if len(args) != 1 || len(kw) > 0 {
			return Null, Errorf(TypeErrorType, "expected 1 argument, got %d", len(args))
		}
		x, ok := items(self)
		if !ok {
			return Null, Errorf(TypeErrorType, "descriptor '%s' requires a '%s' object but received a '%s'", cmpNames[op], self.Type().Name, self.Type().Name)
		}
		y, ok := items(args[0])
		if !ok {
			return NotImplemented, nil
		}
		return t.seqCompare(op, x, y)
	}
}

func setupListMethods() {
	ListType.new = listNew
	ListType.Dict.SetStr(strHash, None)
	addListMethod("append", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		if len(args) != 1 || len(kw) > 0 {
			return Null, checkArgs("list.append", args, kw, 1, 1)
		}
		l.Append(args[0])
		return None, nil
	})
	addListMethod("extend", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("list.extend", args, kw, 1, 1); err != nil {
			return Null, err
		}
		switch x := args[0].o.(type) {
		case *List:
			l.items = append(l.items, x.items...)
			return None, nil
		case *Tuple:
			l.items = append(l.items, x.items...)
			return None, nil
		}
		items, err := t.ToList(args[0])
		if err != nil {
			return Null, err
		}
		l.items = append(l.items, items...)
		return None, nil
	})
	addListMethod("insert", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		if len(kw) > 0 {
			return Null, Errorf(TypeErrorType, "list.insert() takes no keyword arguments")
		}
		if len(args) != 2 {
			return Null, Errorf(TypeErrorType, "insert expected 2 arguments, got %d", len(args))
		}
		i, err := t.Index(args[0])
		if err != nil {
			if _, ok := args[0].o.(*BigInt); !ok {
				return Null, err
			}
			if args[0].o.(*BigInt).v.Sign() < 0 {
				i = 0
			} else {
				i = int64(len(l.items))
			}
		}
		n := int64(len(l.items))
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		if i > n {
			i = n
		}
		l.items = append(l.items, Null)
		copy(l.items[i+1:], l.items[i:])
		l.items[i] = args[1]
		return None, nil
	})
	addListMethod("pop", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		if len(kw) > 0 {
			return Null, Errorf(TypeErrorType, "list.pop() takes no keyword arguments")
		}
		if len(args) > 1 {
			return Null, Errorf(TypeErrorType, "pop expected at most 1 argument, got %d", len(args))
		}
		n := len(l.items)
		i := int64(n - 1)
		if len(args) == 1 {
			j, err := t.Index(args[0])
			if err != nil {
				if _, ok := args[0].o.(*BigInt); !ok {
					return Null, err
				}
				return Null, Errorf(IndexErrorType, "pop index out of range")
			}
			i = j
		}
		if n == 0 {
			return Null, Errorf(IndexErrorType, "pop from empty list")
		}
		if i < 0 {
			i += int64(n)
		}
		if i < 0 || i >= int64(n) {
			return Null, Errorf(IndexErrorType, "pop index out of range")
		}
		v := l.items[i]
		copy(l.items[i:], l.items[i+1:])
		l.items[n-1] = Null
		l.items = l.items[:n-1]
		return v, nil
	})
	addListMethod("remove", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("list.remove", args, kw, 1, 1); err != nil {
			return Null, err
		}
		for i := 0; i < len(l.items); i++ {
			eq, err := t.richEq(l.items[i], args[0])
			if err != nil {
				return Null, err
			}
			if eq {
				if i < len(l.items) {
					n := len(l.items)
					copy(l.items[i:], l.items[i+1:])
					l.items[n-1] = Null
					l.items = l.items[:n-1]
				}
				return None, nil
			}
		}
		return Null, Errorf(ValueErrorType, "list.remove(x): x not in list")
	})
	addListMethod("index", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		i, err := t.seqFind(l.items, "list.index", args, kw)
		if err != nil {
			return Null, err
		}
		if i < 0 {
			r, err := t.Repr(args[0])
			if err != nil {
				return Null, err
			}
			return Null, Errorf(ValueErrorType, "%s is not in list", r)
		}
		return Int(int64(i)), nil
	})
	addListMethod("count", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("list.count", args, kw, 1, 1); err != nil {
			return Null, err
		}
		n, err := t.seqCount(l.items, args[0])
		return Int(int64(n)), err
	})
	addListMethod("sort", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		if len(args) > len(kw) {
			return Null, Errorf(TypeErrorType, "sort() takes no positional arguments")
		}
		var key, reverse Value
		for i, k := range kw {
			switch k.s {
			case "key":
				key = args[i]
			case "reverse":
				reverse = args[i]
				if !reverse.IsBool() && !reverse.IsInt() {
					if _, ok := reverse.o.(*BigInt); !ok {
						return Null, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", reverse.Type().Name)
					}
				}
			default:
				return Null, Errorf(TypeErrorType, "'%s' is an invalid keyword argument for sort()", k.s)
			}
		}
		return None, t.SortList(l, key, reverse)
	})
	addListMethod("reverse", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("list.reverse", args, kw, 0, 0); err != nil {
			return Null, err
		}
		for i, j := 0, len(l.items)-1; i < j; i, j = i+1, j-1 {
			l.items[i], l.items[j] = l.items[j], l.items[i]
		}
		return None, nil
	})
	addListMethod("copy", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("list.copy", args, kw, 0, 0); err != nil {
			return Null, err
		}
		return Obj(NewList(append([]Value(nil), l.items...))), nil
	})
	addListMethod("clear", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("list.clear", args, kw, 0, 0); err != nil {
			return Null, err
		}
		l.items = nil
		return None, nil
	})

	// special methods, for code that calls them explicitly
	addListMethod("__repr__", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		r, err := t.listRepr(l)
		return StrValue(r), err
	})
	addListMethod("__len__", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("list.__len__", args, kw, 0, 0); err != nil {
			return Null, err
		}
		return Int(int64(len(l.items))), nil
	})
	addListMethod("__getitem__", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("list.__getitem__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		return t.GetItem(Obj(l), args[0])
	})
	addListMethod("__setitem__", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("__setitem__", args, kw, 2, 2); err != nil {
			return Null, err
		}
		return None, t.SetItem(Obj(l), args[0], args[1])
	})
	addListMethod("__delitem__", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("list.__delitem__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		return None, t.DelItem(Obj(l), args[0])
	})
	addListMethod("__contains__", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("list.__contains__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		r, err := t.seqContains(l.items, args[0])
		return Bool(r), err
	})
	addListMethod("__iter__", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		return Obj(&listIter{l: l}), nil
	})
	addListMethod("__reversed__", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		return t.reversed(Obj(l))
	})
	addListMethod("__add__", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("list.__add__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		y, ok := args[0].o.(*List)
		if !ok {
			return Null, Errorf(TypeErrorType, "can only concatenate list (not \"%s\") to list", args[0].Type().Name)
		}
		out := make([]Value, 0, len(l.items)+len(y.items))
		out = append(append(out, l.items...), y.items...)
		return Obj(NewList(out)), nil
	})
	addListMethod("__iadd__", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("list.__iadd__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		items, err := t.ToList(args[0])
		if err != nil {
			return Null, err
		}
		l.items = append(l.items, items...)
		return Obj(l), nil
	})
	mul := func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("list.__mul__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		n, err := t.Index(args[0])
		if err != nil {
			return Null, err
		}
		return Obj(NewList(repeatValues(l.items, n))), nil
	}
	addListMethod("__mul__", mul)
	addListMethod("__rmul__", mul)
	addListMethod("__imul__", func(t *Thread, l *List, args []Value, kw []*Str) (Value, error) {
		if err := checkArgs("list.__imul__", args, kw, 1, 1); err != nil {
			return Null, err
		}
		n, err := t.Index(args[0])
		if err != nil {
			return Null, err
		}
		l.items = repeatValues(l.items, n)
		return Obj(l), nil
	})
	listItems := func(v Value) ([]Value, bool) {
		if l, ok := v.o.(*List); ok {
			return l.items, true
		}
		return nil, false
	}
	for op, name := range cmpNames {
		addMethod(ListType, name, seqCompareMethod(compiler.CompareOp(op), listItems))
	}
}

// repeatValues is items * n as a new slice.
func repeatValues(items []Value, n int64) []Value {
	if n <= 0 || len(items) == 0 {
		return nil
	}
	out := make([]Value, 0, int64(len(items))*n)
	for i := int64(0); i < n; i++ {
		out = append(out, items...)
	}
	return out
}
