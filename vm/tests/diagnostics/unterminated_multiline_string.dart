var s = '''never
ends;
