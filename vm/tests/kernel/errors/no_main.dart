void notMain() {}
