// Package threadmod provides yflow's _thread module: starting threads and
// the basic lock, the primitives threading, queue and concurrent.futures
// are written on. A yflow thread is a goroutine with its own vm.Thread
// that runs while it holds the interpreter lock (see vm/gil.go); waiting
// for a lock releases it.
package threadmod

import (
	"fmt"
	"math"
	"os"
	"sync/atomic"
	"time"
	"unsafe"

	"yflow/stdlib/modutil"
	"yflow/vm"
)

// timeoutMax is _thread.TIMEOUT_MAX in seconds.
const timeoutMax = float64(math.MaxInt64 / int64(time.Second))

// LockType is _thread.lock.
var LockType *vm.Type

// Lock is a non-reentrant lock that any thread may release. The token
// is a slot in a channel of capacity one.
type Lock struct{ ch chan struct{} }

// Type implements vm.Object.
func (*Lock) Type() *vm.Type { return LockType }

// NewLock makes an unlocked lock.
func NewLock() *Lock { return &Lock{ch: make(chan struct{}, 1)} }

// TryAcquire takes the lock if it is free.
func (l *Lock) TryAcquire() bool {
	select {
	case l.ch <- struct{}{}:
		return true
	default:
		return false
	}
}

// Acquire takes the lock, waiting up to timeout seconds (negative: for
// ever) with the interpreter lock released.
func (l *Lock) Acquire(t *vm.Thread, timeout float64) bool {
	if l.TryAcquire() {
		return true
	}
	if timeout == 0 {
		return false
	}
	got := false
	t.Blocking(func() {
		if timeout < 0 {
			if !t.Interp().Threaded() {
				// no other thread can ever release it: hang, as CPython does
				for {
					time.Sleep(time.Hour)
				}
			}
			l.ch <- struct{}{}
			got = true
			return
		}
		tm := time.NewTimer(time.Duration(timeout * float64(time.Second)))
		defer tm.Stop()
		select {
		case l.ch <- struct{}{}:
			got = true
		case <-tm.C:
		}
	})
	return got
}

// Release frees the lock; false when it was not held.
func (l *Lock) Release() bool {
	select {
	case <-l.ch:
		return true
	default:
		return false
	}
}

// Locked reports whether the lock is held.
func (l *Lock) Locked() bool { return len(l.ch) == 1 }

var started atomic.Int64 // threads running now (_thread._count())

// Module builds the _thread module.
func Module(t *vm.Thread) (*vm.Module, error) {
	m := vm.NewModule("_thread")
	if LockType == nil {
		setupLockType()
	}
	def := func(name string, fn vm.BuiltinFn) { m.Set(name, vm.Obj(vm.NewBuiltin(name, fn))) }
	m.Set("LockType", vm.Obj(LockType))
	m.Set("error", vm.Obj(vm.RuntimeErrorType))
	m.Set("TIMEOUT_MAX", vm.Float(timeoutMax))
	def("allocate_lock", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("allocate_lock", args, kw, 0, 0); err != nil {
			return vm.Null, err
		}
		return vm.Obj(NewLock()), nil
	})
	def("get_ident", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("get_ident", args, kw, 0, 0); err != nil {
			return vm.Null, err
		}
		return vm.Int(t.Ident()), nil
	})
	def("get_native_id", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("get_native_id", args, kw, 0, 0); err != nil {
			return vm.Null, err
		}
		return vm.Int(int64(os.Getpid()) + t.Serial()), nil
	})
	def("_count", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		return vm.Int(started.Load()), nil
	})
	def("_print_exception", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("_print_exception", args, kw, 1, 1); err != nil {
			return vm.Null, err
		}
		e, ok := args[0].Object().(*vm.Exception)
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "an exception is required")
		}
		t.Interp().WriteStderr(t.Traceback(e))
		return vm.None, nil
	})
	def("start_new_thread", func(t *vm.Thread, _ vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		if err := vm.CheckArgs("start_new_thread", args, kw, 2, 3); err != nil {
			return vm.Null, err
		}
		fn := args[0]
		if !vm.Callable(fn) {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "first arg must be callable")
		}
		tup, ok := args[1].Object().(*vm.Tuple)
		if !ok {
			return vm.Null, vm.Errorf(vm.TypeErrorType, "2nd arg must be a tuple")
		}
		callArgs := append([]vm.Value(nil), tup.Items()...)
		var names []*vm.Str
		if len(args) == 3 && !args[2].IsNone() {
			d, ok := args[2].Object().(*vm.Dict)
			if !ok {
				return vm.Null, vm.Errorf(vm.TypeErrorType, "optional 3rd arg must be a dictionary")
			}
			var err error
			d.Items(func(k, v vm.Value) bool {
				s, ok := k.Object().(*vm.Str)
				if !ok {
					err = vm.Errorf(vm.TypeErrorType, "keywords must be strings")
					return false
				}
				names = append(names, s)
				callArgs = append(callArgs, v)
				return true
			})
			if err != nil {
				return vm.Null, err
			}
		}
		started.Add(1)
		ident := t.Interp().StartThread(func(nt *vm.Thread) {
			defer started.Add(-1)
			_, err := nt.Call(fn, callArgs, names)
			if err == nil {
				return
			}
			e, ok := err.(*vm.Exception)
			if ok && e.Class().IsSubtype(vm.SystemExitType) {
				return
			}
			r, rerr := nt.Repr(fn)
			if rerr != nil {
				r = "<object>"
			}
			msg := "Exception ignored in thread started by: " + r + "\n"
			if ok {
				msg += nt.Traceback(e)
			} else {
				msg += err.Error() + "\n"
			}
			nt.Interp().WriteStderr(msg)
		})
		return vm.Int(ident), nil
	})
	return m, nil
}

// lockArg is the lock a method was called on.
func lockArg(name string, self vm.Value) (*Lock, error) {
	l, ok := self.Object().(*Lock)
	if !ok {
		return nil, vm.DescriptorError(name, LockType, self)
	}
	return l, nil
}

func setupLockType() {
	LockType = vm.NewBuiltinType("lock", "_thread", nil)
	acquire := func(name string) vm.BuiltinFn {
		return func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			l, err := lockArg(name, self)
			if err != nil {
				return vm.Null, err
			}
			var blockingV, timeoutV vm.Value
			if err := vm.UnpackArgs(name, args, kw, []string{"blocking", "timeout"}, 0, &blockingV, &timeoutV); err != nil {
				return vm.Null, err
			}
			blocking := true
			if !blockingV.IsNull() {
				if blocking, err = t.Truth(blockingV); err != nil {
					return vm.Null, err
				}
			}
			timeout := -1.0
			if !timeoutV.IsNull() {
				if timeout, err = modutil.Float(t, timeoutV); err != nil {
					return vm.Null, err
				}
			}
			if !blocking {
				if timeout != -1 {
					return vm.Null, vm.Errorf(vm.ValueErrorType, "can't specify a timeout for a non-blocking call")
				}
				return vm.Bool(l.TryAcquire()), nil
			}
			if timeout < 0 && timeout != -1 {
				return vm.Null, vm.Errorf(vm.ValueErrorType, "timeout value must be positive")
			}
			if timeout > timeoutMax {
				return vm.Null, vm.Errorf(vm.OverflowErrorType, "timeout value is too large")
			}
			return vm.Bool(l.Acquire(t, timeout)), nil
		}
	}
	release := func(name string) vm.BuiltinFn {
		return func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			l, err := lockArg(name, self)
			if err != nil {
				return vm.Null, err
			}
			if name != "__exit__" {
				if err := vm.CheckArgs(name, args, kw, 0, 0); err != nil {
					return vm.Null, err
				}
			}
			if !l.Release() {
				return vm.Null, vm.Errorf(vm.RuntimeErrorType, "release unlocked lock")
			}
			return vm.None, nil
		}
	}
	locked := func(name string) vm.BuiltinFn {
		return func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
			l, err := lockArg(name, self)
			if err != nil {
				return vm.Null, err
			}
			if err := vm.CheckArgs(name, args, kw, 0, 0); err != nil {
				return vm.Null, err
			}
			return vm.Bool(l.Locked()), nil
		}
	}
	vm.AddMethod(LockType, "acquire", acquire("acquire"))
	vm.AddMethod(LockType, "acquire_lock", acquire("acquire_lock"))
	vm.AddMethod(LockType, "__enter__", acquire("__enter__"))
	vm.AddMethod(LockType, "release", release("release"))
	vm.AddMethod(LockType, "release_lock", release("release_lock"))
	vm.AddMethod(LockType, "__exit__", release("__exit__"))
	vm.AddMethod(LockType, "locked", locked("locked"))
	vm.AddMethod(LockType, "locked_lock", locked("locked_lock"))
	vm.AddMethod(LockType, "__repr__", func(t *vm.Thread, self vm.Value, args []vm.Value, kw []*vm.Str) (vm.Value, error) {
		l, err := lockArg("__repr__", self)
		if err != nil {
			return vm.Null, err
		}
		state := "unlocked"
		if l.Locked() {
			state = "locked"
		}
		return vm.StrValue(fmt.Sprintf("<%s _thread.lock object at 0x%x>", state, uintptr(unsafe.Pointer(l)))), nil
	})
}
