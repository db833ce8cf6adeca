package facts

// parallelFrom is the size from which a file's declarations are analysed
// on several cores: below it, starting goroutines costs more than it saves
// (and check already spreads files over the cores).
var ParallelFrom = 64 << 10
