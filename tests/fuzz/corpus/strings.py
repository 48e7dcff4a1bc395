r'''raw \''' 
revision = u'x' 'y' f'z'
down_revision = b'q'
x = "\x41\u00e9\N{DASH}"
