main(
