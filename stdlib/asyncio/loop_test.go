// loop_test.go tests the event loop's machinery: the timer heap (order,
// CPython-compatible ties, purging), the ready queue (FIFO across growth,
// no allocation in steady state) and the loop's thread-safe wake-up.

package asyncio

import (
	"math/rand"
	"sort"
	"testing"
	"time"

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
	n := 0
	next := 0
	for round := 0; round < 50; round++ {
		for i := 0; i < round%17+1; i++ {
			q.Push(item{kind: itemStep, exc: nil, fn: vm.Int(int64(n))})
			n++
		}
		for i := 0; i < round%5+1; i++ {
			it, ok := q.Pop()
			if !ok {
				break
			}
			if it.fn.AsInt() != int64(next) {
				t.Fatalf("got %d, want %d", it.fn.AsInt(), next)
			}
			next++
		}
	}
	for {
		it, ok := q.Pop()
		if !ok {
			break
		}
		if it.fn.AsInt() != int64(next) {
			t.Fatalf("got %d, want %d", it.fn.AsInt(), next)
		}
		next++
	}
	if next != n || q.Len() != 0 {
		t.Fatalf("drained %d of %d", next, n)
	}
}

func TestReadyQueueNoAlloc(t *testing.T) {
	var q readyQueue
	for i := 0; i < 64; i++ {
		q.Push(item{})
	}
	q.Clear()
	tk := &Task{}
	allocs := testing.AllocsPerRun(100, func() {
		for i := 0; i < 32; i++ {
			q.Push(item{kind: itemStep, task: tk})
		}
		for i := 0; i < 32; i++ {
			q.Pop()
		}
	})
	if allocs != 0 {
		t.Fatalf("ready queue allocates %v per run", allocs)
	}
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
