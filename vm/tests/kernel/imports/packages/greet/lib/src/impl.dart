String salute(String who) => 'Hello, $who!';
