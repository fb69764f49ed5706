'use strict';
// Start-up time: the smallest program that prints.
console.log('Hello, World!');
