@pragma('vm:entry-point')
@Deprecated('use other')
@a.b.c
@Annotation<int>(1, named: 'x')
@prefix.Annotation.named()
class Annotated<@covariantType T> {
  @override
  String toString() => 'A';

  @visibleForTesting
  int field = 0;

  Annotated(@required int param, {@deprecated int? named});

  void method(@Param() int x, [@opt int y = 0]) {
    @localAnnotation
    var local = 1;
    @pragma('inline')
    int localFunction() => local;
  }
}

@immutable
enum AnnotatedEnum { @a one, @b() two }

@meta
typedef AnnotatedTypedef = int;

@meta
mixin AnnotatedMixin {}

@meta
extension AnnotatedExtension on int {}

@meta
void annotatedFunction() {}

@meta
int annotatedVar = 1;

@meta (int, int) recordAfterAnnotation = (1, 2);
