-- Start-up time: the smallest program that prints.
print("Hello, World!")
