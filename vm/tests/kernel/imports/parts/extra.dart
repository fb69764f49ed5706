part of '../main.dart';

String extra() => 'from a part';
