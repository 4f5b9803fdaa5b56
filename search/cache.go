package search

import (
	"container/list"
	"sync"
)

// countCache keeps facet counts of broad searches, least recently used
// out first. Keys start with the index generation, so a rebuilt index
// never reads counts of the old one.
type countCache struct {
	mu    sync.Mutex
	max   int
	ll    *list.List
	items map[string]*list.Element
}

type cacheEntry struct {
	key string
	c   counts
}

func newCountCache(max int) *countCache {
	return &countCache{max: max, ll: list.New(), items: map[string]*list.Element{}}
}

func (c *countCache) get(key string) (counts, bool) {
	if c.max <= 0 {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.ll.MoveToFront(e)
	return e.Value.(*cacheEntry).c, true
}

// put stores counts; callers must not modify them afterwards.
func (c *countCache) put(key string, v counts) {
	if c.max <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		e.Value.(*cacheEntry).c = v
		c.ll.MoveToFront(e)
		return
	}
	c.items[key] = c.ll.PushFront(&cacheEntry{key, v})
	for c.ll.Len() > c.max {
		last := c.ll.Back()
		c.ll.Remove(last)
		delete(c.items, last.Value.(*cacheEntry).key)
	}
}
