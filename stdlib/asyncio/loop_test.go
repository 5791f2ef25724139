// loop_test.go tests the event loop's machinery: the timer heap (order,
// CPython-compatible ties, purging), the ready queue (FIFO across blocks,
// draining, no allocation in steady state), the layout of futures, tasks
// and ready items, the order of done callbacks, the set of live tasks,
// and the loop's thread-safe wake-up.

package asyncio

import (
	"math"
	"math/rand"
	"sort"
	"testing"
	"time"
	"unsafe"

	"yflow/vm"
)

func TestTimerHeapOrder(t *testing.T) {
	var q timerHeap
	r := rand.New(rand.NewSource(1))
	var whens []float64
	for i := 0; i < 500; i++ {
		w := float64(r.Intn(100))
		whens = append(whens, w)
		q.Push(&TimerHandle{when: w})
	}
	sort.Float64s(whens)
	for i, w := range whens {
		th := q.Pop()
		if th == nil || th.when != w {
			t.Fatalf("pop %d: got %v, want %v", i, th, w)
		}
		if th.scheduled {
			t.Fatal("popped timer still marked scheduled")
		}
	}
	if q.Pop() != nil || q.Peek() != nil {
		t.Fatal("heap not empty")
	}
}

// TestTimerHeapTies checks that equal deadlines come out in heapq's
// order (what CPython prints for timers due at the same moment), as
// simulated by heapqTieOrder.
func TestTimerHeapTies(t *testing.T) {
	var q timerHeap
	names := "abcde"
	for i := range names {
		th := &TimerHandle{when: 1}
		th.args = []vm.Value{vm.Int(int64(i))}
		q.Push(th)
	}
	var got []byte
	for q.Len() > 0 {
		got = append(got, names[q.Pop().args[0].AsInt()])
	}
	if string(got) != heapqTieOrder(len(names)) {
		t.Fatalf("tie order %s, want %s", got, heapqTieOrder(len(names)))
	}
}

// heapqTieOrder simulates CPython's heapq on n equal keys (by index).
func heapqTieOrder(n int) string {
	h := []int{}
	for i := 0; i < n; i++ {
		h = append(h, i) // siftdown never moves an equal key
	}
	out := []byte{}
	for len(h) > 0 {
		last := h[len(h)-1]
		h = h[:len(h)-1]
		if len(h) == 0 {
			out = append(out, byte('a'+last))
			break
		}
		top := h[0]
		// siftup moves the hole to a leaf always taking the right child on
		// ties, then siftdown of last does not move it
		pos, end := 0, len(h)
		child := 1
		for child < end {
			if child+1 < end {
				child++
			}
			h[pos] = h[child]
			pos = child
			child = 2*pos + 1
		}
		h[pos] = last
		out = append(out, byte('a'+top))
	}
	return string(out)
}

func TestTimerHeapPurge(t *testing.T) {
	var q timerHeap
	var all []*TimerHandle
	for i := 0; i < 200; i++ {
		th := &TimerHandle{when: float64(200 - i)}
		all = append(all, th)
		q.Push(th)
	}
	for i, th := range all {
		if i%3 != 0 {
			th.cancelled = true
		}
	}
	q.Purge()
	if q.Len() != 67 {
		t.Fatalf("after purge %d timers, want 67", q.Len())
	}
	prev := -1.0
	for q.Len() > 0 {
		th := q.Pop()
		if th.cancelled || th.when < prev {
			t.Fatalf("bad timer after purge: %+v (prev %v)", th, prev)
		}
		prev = th.when
	}
}

func TestReadyQueueFIFO(t *testing.T) {
	var q readyQueue
	hs := make([]Handle, 40*int(blockItems)) // their addresses identify items
	n, next := 0, 0
	pop := func() bool {
		it, ok := q.Pop()
		if !ok {
			return false
		}
		if it.kind != itemHandle || it.handle() != &hs[next] {
			t.Fatalf("pop %d: wrong item", next)
		}
		next++
		return true
	}
	// pushes outpace pops, so the queue grows across many blocks while
	// its head moves through them
	for round := 0; n < len(hs)-200; round++ {
		for i := 0; i < round%200+1 && n < len(hs); i++ {
			q.Push(handleItem(&hs[n]))
			n++
		}
		for i := 0; i < round%150+1; i++ {
			if !pop() {
				break
			}
		}
		if q.Len() != n-next {
			t.Fatalf("Len %d, want %d", q.Len(), n-next)
		}
	}
	for pop() {
	}
	if next != n || q.Len() != 0 {
		t.Fatalf("drained %d of %d", next, n)
	}
}

// TestReadyQueueDrain checks that a drained queue keeps one block and a
// few spares, and that a spare or the kept block serves the next pushes.
func TestReadyQueueDrain(t *testing.T) {
	var q readyQueue
	hs := make([]Handle, 10*int(blockItems)+7)
	for i := range hs {
		q.Push(handleItem(&hs[i]))
	}
	for i := range hs {
		if it, _ := q.Pop(); it.handle() != &hs[i] {
			t.Fatalf("pop %d: wrong item", i)
		}
	}
	if _, ok := q.Pop(); ok {
		t.Fatal("pop from an empty queue")
	}
	if q.head != q.tail || q.head.next != nil || q.headIdx != 0 || q.tailIdx != 0 {
		t.Fatal("drained queue not reset to one block")
	}
	if q.nspare != maxSpareBlocks {
		t.Fatalf("%d spare blocks, want %d", q.nspare, maxSpareBlocks)
	}
	n := 0
	for b := q.spare; b != nil; b = b.next {
		for _, it := range b.items {
			if it != (item{}) {
				t.Fatal("spare block holds an item")
			}
		}
		n++
	}
	if n != q.nspare {
		t.Fatalf("spare list has %d blocks, counted %d", n, q.nspare)
	}
	q.Push(stepItem(&Task{}, nil))
	if q.Len() != 1 || q.nspare != maxSpareBlocks {
		t.Fatal("push after drain")
	}
	q.Clear()
	if q.Len() != 0 || q.head != nil || q.spare != nil {
		t.Fatal("Clear left blocks")
	}
	if _, ok := q.Pop(); ok {
		t.Fatal("pop after Clear")
	}
}

func TestReadyQueueItems(t *testing.T) {
	tk := &Task{}
	tk.flags = flagTask
	f := &Future{}
	e := vm.NewException(vm.ValueErrorType)
	fn := vm.Int(7)
	h := &Handle{}
	var q readyQueue
	q.Push(stepItem(tk, nil))
	q.Push(stepItem(tk, e))
	q.Push(wakeupItem(tk, f))
	q.Push(futCallItem(&fn, f))
	q.Push(handleItem(h))
	if it, _ := q.Pop(); it.kind != itemStep || it.task() != tk || it.exc() != nil {
		t.Fatal("step item")
	}
	if it, _ := q.Pop(); it.kind != itemStep || it.task() != tk || it.exc() != e {
		t.Fatal("step item with exception")
	}
	if it, _ := q.Pop(); it.kind != itemWakeup || it.task() != tk || it.fut != f {
		t.Fatal("wakeup item")
	}
	if it, _ := q.Pop(); it.kind != itemFutCall || it.task() != nil || it.fut != f || it.fn().AsInt() != 7 {
		t.Fatal("callback item")
	}
	if it, _ := q.Pop(); it.kind != itemHandle || it.task() != nil || it.handle() != h {
		t.Fatal("handle item")
	}
}

func TestReadyQueueNoAlloc(t *testing.T) {
	var q readyQueue
	tk := &Task{}
	// the queue empties every turn
	q.Push(stepItem(tk, nil))
	q.Pop()
	allocs := testing.AllocsPerRun(100, func() {
		for i := 0; i < 32; i++ {
			q.Push(stepItem(tk, nil))
		}
		for i := 0; i < 32; i++ {
			q.Pop()
		}
	})
	if allocs != 0 {
		t.Fatalf("ready queue allocates %v per run", allocs)
	}
	// two tasks ping-pong and the queue never empties, so its head and
	// tail move on through blocks
	other := &Task{}
	q.Push(stepItem(other, nil))
	for i := 0; i < int(blockItems); i++ {
		q.Push(stepItem(tk, nil))
		q.Pop()
	}
	allocs = testing.AllocsPerRun(20, func() {
		for i := 0; i < 3*int(blockItems); i++ {
			q.Push(stepItem(tk, nil))
			q.Pop()
		}
	})
	if allocs != 0 {
		t.Fatalf("ready queue allocates %v per run", allocs)
	}
}

// TestLayout checks what the code relies on (Future first in Task, for
// asTask; an item of three words, for blockItems) and the sizes a parked
// task costs.
func TestLayout(t *testing.T) {
	if off := unsafe.Offsetof(Task{}.Future); off != 0 {
		t.Fatalf("Future at offset %d of Task", off)
	}
	if s := unsafe.Sizeof(item{}); s != 3*wordSize {
		t.Fatalf("item is %d bytes", s)
	}
	if s := unsafe.Sizeof(readyBlock{}); s > 4096 || 4096-s >= unsafe.Sizeof(item{}) {
		t.Fatalf("ready block is %d bytes", s)
	}
	if s := unsafe.Sizeof(Future{}); s > 48 {
		t.Fatalf("Future is %d bytes, over its 48", s)
	}
	if s := unsafe.Sizeof(Task{}); s > 80 {
		t.Fatalf("Task is %d bytes, over its 80", s)
	}
	tk := &Task{}
	tk.flags = flagTask
	if tk.Future.asTask() != tk || tk.Future.value().Object() != tk {
		t.Fatal("a task's Future does not lead back to the task")
	}
	if f := newFuture(nil); f.asTask() != nil || f.value().Object() != f {
		t.Fatal("a plain Future taken for a task")
	}
}

// TestFutureCallbacks checks that done callbacks keep their order of
// addition whether they are task wake-ups (the first inline) or Python
// callables, through removal and scheduling.
func TestFutureCallbacks(t *testing.T) {
	l := newLoop(&state{})
	f := newFuture(l)
	a, b := &Task{}, &Task{}
	fn1, fn2 := vm.Int(1), vm.Int(2)
	f.addCallback(callback{task: a})
	f.addCallback(callback{fn: fn1})
	f.addCallback(callback{task: b})
	f.addCallback(callback{fn: fn2})
	if f.wake() != a || len(f.x.cbs) != 3 {
		t.Fatal("first task wake-up not inline")
	}
	removeCallback(f, fn1)
	all := f.callbacks()
	if len(all) != 3 || all[0].task != a || all[1].task != b || !all[2].fn.Is(fn2) {
		t.Fatalf("callbacks after removal: %+v", all)
	}
	// a Python callable first, then a task: the task is not inline
	g := newFuture(l)
	g.addCallback(callback{fn: fn1})
	g.addCallback(callback{task: a})
	if g.wake() != nil {
		t.Fatal("task wake-up inlined ahead of an earlier callback")
	}
	g.setCallbacks(append(all, callback{fn: fn1}))
	if g.wake() != a || len(g.x.cbs) != 3 {
		t.Fatal("setCallbacks")
	}
	f.setResult(nil, vm.None)
	want := []item{wakeupItem(a, f), wakeupItem(b, f)}
	for i, w := range want {
		if it, _ := l.ready.Pop(); it != w {
			t.Fatalf("item %d: %+v, want %+v", i, it, w)
		}
	}
	if it, _ := l.ready.Pop(); it.kind != itemFutCall || it.fut != f || !it.fn().Is(fn2) {
		t.Fatal("Python callback item")
	}
	if f.hasCallbacks() || l.ready.Len() != 0 {
		t.Fatal("callbacks left after scheduling")
	}
	// added once done: scheduled at once
	f.addCallback(callback{fn: fn1})
	f.addCallback(callback{task: a})
	if it, _ := l.ready.Pop(); it.kind != itemFutCall || !it.fn().Is(fn1) {
		t.Fatal("late Python callback")
	}
	if it, _ := l.ready.Pop(); it != wakeupItem(a, f) {
		t.Fatal("late task wake-up")
	}
}

// TestTaskNames checks default names past the range of the inline
// counter.
func TestTaskNames(t *testing.T) {
	l := newLoop(&state{taskCounter: math.MaxUint32 - 1})
	for _, want := range []string{"Task-4294967295", "Task-4294967296"} {
		tk, err := l.newTask(nil, vm.Obj(&sleepCoro{}), vm.Null)
		if err != nil {
			t.Fatal(err)
		}
		if s, ok := tk.getName().AsStr(); !ok || s.String() != want {
			t.Fatalf("name %v, want %s", tk.getName(), want)
		}
	}
}

// TestTaskSet checks the live-task set against a plain slice with the
// same swap-with-last removal, across chunk boundaries both ways.
func TestTaskSet(t *testing.T) {
	var s taskSet
	var want []*Task
	r := rand.New(rand.NewSource(1))
	check := func() {
		t.Helper()
		all := s.all()
		if s.Len() != len(want) || len(all) != len(want) {
			t.Fatalf("%d tasks, want %d", len(all), len(want))
		}
		for i, tk := range all {
			if tk != want[i] || int(tk.idx) != i {
				t.Fatalf("task %d out of place", i)
			}
		}
		if len(s.chunks) != (len(want)+taskChunk-1)/taskChunk {
			t.Fatalf("%d chunks for %d tasks", len(s.chunks), len(want))
		}
	}
	for round := 0; round < 6; round++ {
		for i := 0; i < 3*taskChunk+r.Intn(taskChunk); i++ {
			tk := &Task{}
			s.add(tk)
			want = append(want, tk)
		}
		check()
		for len(want) > round*100 {
			i := r.Intn(len(want))
			tk := want[i]
			s.remove(tk)
			if tk.idx != -1 {
				t.Fatal("removed task keeps its index")
			}
			s.remove(tk) // no longer in the set: no effect
			want[i] = want[len(want)-1]
			want = want[:len(want)-1]
		}
		check()
	}
	// going back and forth across a chunk boundary reuses the spare
	for len(want) < 2*taskChunk {
		tk := &Task{}
		s.add(tk)
		want = append(want, tk)
	}
	extra := &Task{}
	allocs := testing.AllocsPerRun(100, func() {
		s.add(extra)
		s.remove(extra)
	})
	if allocs != 0 {
		t.Fatalf("add and remove across a chunk boundary allocate %v", allocs)
	}
	check()
}

func TestThreadsafeWake(t *testing.T) {
	l := newLoop(&state{})
	if err := l.ensurePoller(); err != nil {
		t.Fatal(err)
	}
	defer l.poller.Close()
	go func() {
		time.Sleep(10 * time.Millisecond)
		l.callSoonThreadsafe(&Handle{loop: l, cancelled: true})
	}()
	start := time.Now()
	// an idle loop with nothing scheduled blocks in the poller until woken
	if err := l.runOnce(nil); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 5*time.Millisecond || d > 2*time.Second {
		t.Fatalf("runOnce returned after %v", d)
	}
	if l.ready.Len() != 0 {
		t.Fatalf("ready queue has %d items", l.ready.Len())
	}
}
