int shared() => 1;
