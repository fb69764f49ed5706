// dart:async for dartrs: only the types, so that programs naming them resolve. Running
// asynchronous code (async functions, await, streams) is not supported yet.

export 'dart:core' show Future, Stream;
