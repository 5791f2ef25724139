package vm

func builtinOpen(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
	return Null, Errorf(NotImplementedErrorType, "open")
}
