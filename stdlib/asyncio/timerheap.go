// timerheap.go is the event loop's timer queue: a binary min-heap of
// TimerHandles ordered by deadline, then by scheduling order (so timers
// due at the same moment run in the order they were created).

package asyncio

// timerHeap is a min-heap of timers; index i's children are 2i+1, 2i+2.
type timerHeap struct {
	h   []*TimerHandle
	seq uint64
}

func (q *timerHeap) Len() int { return len(q.h) }

func timerLess(a, b *TimerHandle) bool {
	if a.when != b.when {
		return a.when < b.when
	}
	return a.seq < b.seq
}

// Push adds a timer.
func (q *timerHeap) Push(th *TimerHandle) {
	q.seq++
	th.seq = q.seq
	th.scheduled = true
	q.h = append(q.h, th)
	q.up(len(q.h) - 1)
}

// Peek returns the earliest timer (nil when empty).
func (q *timerHeap) Peek() *TimerHandle {
	if len(q.h) == 0 {
		return nil
	}
	return q.h[0]
}

// Pop removes and returns the earliest timer (nil when empty).
func (q *timerHeap) Pop() *TimerHandle {
	n := len(q.h)
	if n == 0 {
		return nil
	}
	top := q.h[0]
	q.h[0] = q.h[n-1]
	q.h[n-1] = nil
	q.h = q.h[:n-1]
	if n > 1 {
		q.down(0)
	}
	top.scheduled = false
	return top
}

// Purge drops every cancelled timer and restores the heap order.
func (q *timerHeap) Purge() {
	kept := q.h[:0]
	for _, th := range q.h {
		if th.cancelled {
			th.scheduled = false
			continue
		}
		kept = append(kept, th)
	}
	for i := len(kept); i < len(q.h); i++ {
		q.h[i] = nil
	}
	q.h = kept
	for i := len(q.h)/2 - 1; i >= 0; i-- {
		q.down(i)
	}
}

func (q *timerHeap) up(i int) {
	h := q.h
	for i > 0 {
		p := (i - 1) / 2
		if !timerLess(h[i], h[p]) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
}

func (q *timerHeap) down(i int) {
	h := q.h
	n := len(h)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && timerLess(h[r], h[l]) {
			m = r
		}
		if !timerLess(h[m], h[i]) {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}
