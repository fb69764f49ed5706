// An uncaught parameter check failure ends the program like any uncaught TypeError.
class Cell<T> {
  T? content;
  void fill(T value) => content = value;
}

void main() {
  Cell<Object> cell = Cell<String>();
  cell.fill('ok');
  print(cell.content);
  cell.fill(1);
  print('not reached');
}
