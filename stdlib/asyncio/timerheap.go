// timerheap.go is the event loop's timer queue: a binary min-heap of
// TimerHandles ordered by deadline, with heapq's exact algorithm so that
// ties break as they do under CPython.

package asyncio

// timerHeap is a min-heap of timers; index i's children are 2i+1, 2i+2.
type timerHeap struct {
	h []*TimerHandle
}

func (q *timerHeap) Len() int { return len(q.h) }

// Push adds a timer.
func (q *timerHeap) Push(th *TimerHandle) {
	th.scheduled = true
	q.h = append(q.h, th)
	q.siftDown(0, len(q.h)-1)
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
	last := q.h[n-1]
	q.h[n-1] = nil
	q.h = q.h[:n-1]
	top := last
	if n > 1 {
		top = q.h[0]
		q.h[0] = last
		q.siftUp(0)
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
		q.siftUp(i)
	}
}

// siftDown and siftUp are heapq's _siftdown and _siftup, so that timers
// due at the same moment come out in the same order as under CPython
// (whose TimerHandles compare by deadline only).
func (q *timerHeap) siftDown(start, pos int) {
	h := q.h
	newitem := h[pos]
	for pos > start {
		parent := (pos - 1) >> 1
		if newitem.when < h[parent].when {
			h[pos] = h[parent]
			pos = parent
			continue
		}
		break
	}
	h[pos] = newitem
}

func (q *timerHeap) siftUp(pos int) {
	h := q.h
	end := len(h)
	start := pos
	newitem := h[pos]
	child := 2*pos + 1
	for child < end {
		right := child + 1
		if right < end && !(h[child].when < h[right].when) {
			child = right
		}
		h[pos] = h[child]
		pos = child
		child = 2*pos + 1
	}
	h[pos] = newitem
	q.siftDown(start, pos)
}
