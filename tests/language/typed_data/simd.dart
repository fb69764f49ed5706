// Float32x4, Int32x4 and Float64x2 with their lists: float32 rounding of lanes,
// 32-bit wrapping, comparisons as lane masks, shuffles, bit reinterpretation,
// select, sign masks, printing, and lists over shared buffers.
import 'dart:typed_data';

void main() {
  final a = Float32x4(1.0, -2.5, 0.1, 3.0);
  final b = Float32x4.splat(2.0);
  print(a);
  print([a.x, a.y, a.z, a.w]);
  print(a + b);
  print(a - b);
  print(a * b);
  print(a / b);
  print(-a);
  print(a.scale(0.5));
  print(a.abs());
  print(a.clamp(Float32x4.splat(-1.0), Float32x4.splat(1.0)));
  print(a.min(b));
  print(a.max(b));
  print(Float32x4(4.0, 9.0, 2.0, 0.25).sqrt());
  print(Float32x4(4.0, 3.0, 0.5, -8.0).reciprocal());
  print(a.lessThan(b));
  print(a.greaterThanOrEqual(b).signMask);
  print(a.equal(a).flagY);
  print(a.signMask);
  print(Float32x4(-0.0, 0.0, double.nan, double.negativeInfinity));
  print(a.shuffle(Float32x4.wzyx));
  print(a.shuffle(Float32x4.xxyy));
  print(a.shuffleMix(b, Float32x4.xyxy));
  print(a.withZ(7.0).withW(1e30));
  print(Float32x4.fromFloat64x2(Float64x2(1.5, 1e40)));
  try {
    a.shuffle(256);
  } on RangeError catch (e) {
    print(e);
  }

  final i = Int32x4(1, -1, 0x7fffffff, 0x80000000);
  print(i);
  print([i.x, i.y, i.z, i.w]);
  print(i + Int32x4(1, 1, 1, 1));
  print(i - Int32x4.bool(true, false, true, false));
  print(i & Int32x4(0xff, 0xf0, 0x0f, -1));
  print(i | Int32x4(2, 0, 0, 1));
  print(i ^ Int32x4(-1, -1, 0, 0));
  print(i.signMask);
  print([i.flagX, i.flagY, Int32x4(0, 0, 0, 0).flagZ]);
  print(i.withFlagX(false).withY(5).shuffle(Int32x4.yxwz));
  print(Int32x4.fromFloat32x4Bits(Float32x4(1.0, -2.0, 0.0, -0.0)));
  print(Float32x4.fromInt32x4Bits(Int32x4(0x3f800000, 0x40490fdb, 0, 0x7f800000)));
  final mask = Int32x4.bool(true, false, true, false);
  print(mask.select(Float32x4.splat(1.0), Float32x4.splat(-1.0)));

  final d = Float64x2(0.1, -3.0);
  print(d);
  print([d.x, d.y, d.signMask]);
  print(d + Float64x2.splat(1.0));
  print(d * Float64x2(10.0, 10.0));
  print(d.scale(2.0).abs().sqrt());
  print(d.clamp(Float64x2.zero(), Float64x2.splat(1.0)));
  print(Float64x2.fromFloat32x4(a));

  final fl = Float32x4List(3);
  fl[1] = a;
  print(fl);
  print([fl.length, fl.lengthInBytes, fl.elementSizeInBytes, Float32x4List.bytesPerElement]);
  final floats = fl.buffer.asFloat32List();
  print(floats);
  floats[0] = 42.0;
  print(fl[0]);
  final il = Int32x4List.view(fl.buffer);
  print(il[1]);
  final sub = fl.sublist(1, 2);
  sub[0] = b;
  print([fl[1], sub[0]]);
  final dl = Float64x2List.fromList([d, Float64x2(1.0, 2.0)]);
  print(dl.reversed.toList());
  print(Float64x2List.sublistView(dl, 1)[0]);
  try {
    fl[3] = b;
  } on RangeError catch (e) {
    print(e);
  }
  try {
    fl.asUnmodifiableView()[0] = b;
  } on UnsupportedError catch (e) {
    print(e);
  }
  try {
    Float32x4List.view(fl.buffer, 4);
  } on RangeError catch (e) {
    print(e);
  }
}
