int shared() => 2;
