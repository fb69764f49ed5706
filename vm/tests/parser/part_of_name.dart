part of my.library.name;

int partVariable = 42;
