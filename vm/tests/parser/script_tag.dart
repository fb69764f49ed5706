#!/usr/bin/env dart
// A script with a script tag.
void main(List<String> args) {
  print('hello ${args.length}');
}
