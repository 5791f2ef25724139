// handle.go implements the callback handles the loop schedules and
// returns to Python: Handle (call_soon) and TimerHandle (call_later,
// call_at), with cancel/cancelled/when and CPython's reprs, plus the
// formatting of callbacks shared with futures and error reports.

package asyncio

import (
	"fmt"
	"strings"

	"yflow/vm"
)

// Handle is asyncio.Handle: a callback with its arguments.
type Handle struct {
	loop      *Loop
	fn        vm.Value
	args      []vm.Value
	cancelled bool
	timer     *TimerHandle // the TimerHandle this is part of, if any
	// setFut, when not nil, makes the handle a native
	// _set_result_unless_cancelled(setFut, setVal) (asyncio.sleep).
	setFut *Future
	setVal vm.Value
}

// Type implements vm.Object.
func (h *Handle) Type() *vm.Type { return HandleType }

func (h *Handle) value() vm.Value {
	if h.timer != nil {
		return vm.Obj(h.timer)
	}
	return vm.Obj(h)
}

// TimerHandle is asyncio.TimerHandle.
type TimerHandle struct {
	Handle
	when      float64
	scheduled bool
}

// Type implements vm.Object.
func (th *TimerHandle) Type() *vm.Type { return TimerHandleType }

func newTimer(l *Loop, when float64, fn vm.Value, args []vm.Value) *TimerHandle {
	th := &TimerHandle{when: when}
	th.loop, th.fn, th.args = l, fn, args
	th.timer = th
	return th
}

func (h *Handle) cancel() {
	if h.cancelled {
		return
	}
	h.cancelled = true
	if h.timer != nil {
		h.loop.timerCancelled(h.timer)
	}
	h.args = nil
	h.setFut = nil
}

func (h *Handle) run(t *vm.Thread) error {
	if h.setFut != nil {
		if !h.setFut.done() {
			return h.setFut.setResult(t, h.setVal)
		}
		return nil
	}
	_, err := t.Call(h.fn, h.args, nil)
	return err
}

func (h *Handle) repr(t *vm.Thread) string {
	info := []string{}
	if h.timer != nil {
		info = append(info, "TimerHandle")
	} else {
		info = append(info, "Handle")
	}
	if h.cancelled {
		info = append(info, "cancelled")
	}
	if h.timer != nil {
		info = append(info, "when="+formatFloat(h.timer.when))
	}
	if h.setFut != nil {
		info = append(info, "_set_result_unless_cancelled()")
	} else if !h.fn.IsNull() {
		info = append(info, formatCallbackSource(t, h.fn, h.args))
	}
	return "<" + strings.Join(info, " ") + ">"
}

// formatCallbackSource is CPython's format_helpers._format_callback_source:
// "f(1, 'a') at file.yf:3".
func formatCallbackSource(t *vm.Thread, fn vm.Value, args []vm.Value) string {
	var name string
	if f, ok := fn.Object().(*vm.Function); ok {
		name = f.QualName()
	} else if q, err := t.GetAttr(fn, vm.Intern("__qualname__")); err == nil {
		name, _ = t.Str(q)
	} else if n, err := t.GetAttr(fn, vm.Intern("__name__")); err == nil {
		name, _ = t.Str(n)
	} else {
		name, _ = reprOf(t, fn)
	}
	parts := make([]string, len(args))
	for i, a := range args {
		r, _ := reprOf(t, a)
		if len(r) > 20 { // reprlib.repr's limits for these
			r = r[:8] + "..." + r[len(r)-9:]
		}
		parts[i] = r
	}
	s := name + "(" + strings.Join(parts, ", ") + ")"
	if f, ok := fn.Object().(*vm.Function); ok {
		s += fmt.Sprintf(" at %s:%d", f.Filename(), f.FirstLine())
	}
	return s
}
